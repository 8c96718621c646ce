// Headless Debian Chromium for the browser tests, started the one way this machine allows.
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps trying hosts this closed network refuses.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(timeout: number): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout });
}
