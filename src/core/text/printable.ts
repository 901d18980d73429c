// Text meant for a terminal: control and bidirectional-override characters are shown as escapes, never obeyed.

/** Control and bidirectional-override characters, which a terminal would obey: a file named `\x1b[2J.py` must
 * not clear the screen, nor `\u202e` reverse the line. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `s` with every control or bidi character shown as a `\u001b`-style escape (for text meant for a terminal). */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
