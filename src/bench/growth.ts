// Parse time of adversarial texts: one unit repeated after a real first sentence, the kinds of run
// that made rules quadratic. Used by bench-parse.ts's growth table and tests/parser/growth.e2e.test.ts.
import { BulletinError, parseBulletin } from '../parser/index.ts';

/** The bulletin's first sentence, before the repeated unit. */
export const GROWTH_LEAD = '7月18日，區長廖海軍主持召開區政府常務會議。';
const encoder = new TextEncoder();

/** `unit` repeated to about `bytes` bytes of UTF-8 after the lead sentence. */
export function repeated(unit: string, bytes: number): string {
  return GROWTH_LEAD + unit.repeat(Math.max(1, Math.round(bytes / encoder.encode(unit).length)));
}

/**
 * The least CPU time in ms of `runs` parses of `text` (a refusal counts as a parse): a shared
 * machine and the collector only ever add time. `beforeEach` runs untimed before each parse.
 */
export function leastParseMs(text: string, runs: number, beforeEach: () => void = () => {}): number {
  const bytes = encoder.encode(text);
  let least = Infinity;
  for (let i = 0; i < runs; i++) {
    beforeEach();
    const start = process.cpuUsage();
    try {
      parseBulletin(bytes, '2022-07-18-growth.txt');
    } catch (error) {
      if (!(error instanceof BulletinError)) throw error;
    }
    const used = process.cpuUsage(start);
    least = Math.min(least, (used.user + used.system) / 1e3);
  }
  return least;
}
