/** The longest NAME, in UTF-8 bytes, a `hello` carries; servers cut longer ones (PROTOCOL §18). */
export const MAX_HELLO_NAME_BYTES = 128;

/** Control, separator and direction characters: what a name loses. */
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- control characters are what this is about
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * A name fit for `hello`: control characters become spaces, `<` and `>` their look-alikes (so no
 * delimiter can form), white space is squeezed, and the text is cut to whole characters within
 * MAX_HELLO_NAME_BYTES. The server applies the same rules to what it receives.
 */
export function helloName(name: string): string {
  const clean = name
    .replace(UNSAFE, ' ')
    .replace(/</g, '\u2039')
    .replace(/>/g, '\u203a')
    .replace(/\s+/g, ' ')
    .trim();
  let out = '';
  let bytes = 0;
  for (const char of clean) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_HELLO_NAME_BYTES) break;
    out += char;
  }
  return out.trimEnd();
}
