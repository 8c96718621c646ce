// Text for the terminal is text: control characters that a bulletin or a file name carries (ESC,
// BEL, a carriage return, C1 controls, bidi overrides) are printed escaped, never sent raw, so
// they cannot set the terminal's title, clear the screen or reorder what is shown.

// C0 controls but the line feed, DEL, C1 controls, and the invisible bidi controls
// (ALM, LRM, RLM, LRE…RLO, LRI…PDI): "\x1b]0;title\x07", "\x1b[2J", "\u202e".
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
// What JSON.stringify leaves raw of those (it escapes C0 itself), and the two JavaScript line ends.
const JSON_RAW = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `text` with every control character written as an escape: ESC → \x1b, U+202E → \u202e. Line feeds are kept. */
export function terminalText(text: string): string {
  return text.replace(CONTROL, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** JSON text (from JSON.stringify) with the control characters it leaves raw written as \u escapes: the same JSON value. */
export function terminalJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
