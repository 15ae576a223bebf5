/**
 * Text from elsewhere (a server's titles, artists and error texts; a song's tags) made safe to
 * print on a terminal. Control characters would let it act on the terminal: ESC starts escape
 * sequences (colours, cursor moves, OSC 0 window titles, OSC 52 clipboard writes), and C1 codes
 * such as CSI (U+009B) and OSC (U+009D) do the same in one character. Bidirectional controls and
 * line separators change how the rest of a line reads. Each becomes one harmless character, so
 * text keeps its length (tables stay aligned) and newlines appear only where the program puts them.
 */

/** C0, DEL and C1 controls, line and paragraph separators, bidirectional controls. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this is about
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** The same, less C0: JSON.stringify escapes those in strings, and its own newlines stay. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Controls that only move to a new line or column: a space reads best in their place. */
const SPACING = /[\t\n\v\f\r\u0085\u2028\u2029]/;
const REPLACEMENT = '\ufffd';

/** How much of one outside text (e.g. a server's error message) is printed at most. */
export const MAX_PRINTED_CHARS = 1000;

/** `text` with every control character replaced, cut to `maxChars` with a note of the rest. */
export function terminalText(text: string, maxChars = MAX_PRINTED_CHARS): string {
  let shown = text;
  let note = '';
  if (text.length > maxChars) {
    // Never end on half a surrogate pair.
    const end = isHighSurrogate(text.charCodeAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    shown = text.slice(0, end);
    note = `… (${text.length - end} more characters)`;
  }
  return shown.replace(UNSAFE, (c) => (SPACING.test(c) ? ' ' : REPLACEMENT)) + note;
}

/**
 * JSON for a terminal: JSON.stringify escapes C0 controls but leaves DEL, C1 and the other
 * characters above raw; escaping them too keeps the document exact for a script that reads it.
 */
export function terminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
