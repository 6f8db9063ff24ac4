/**
 * Text from the archive (file names, titles, reasons quoting them) shown safely on a
 * terminal: control characters (an ESC[2J in a file name cleared the screen) and the
 * bidirectional overrides that reorder what a reader sees are shown as \u escapes.
 * Line breaks the CLI writes itself are kept, and so are tabs.
 */
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** @example printable('a\u001b[2Jb.jpg') // 'a\\u001b[2Jb.jpg' */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.codePointAt(0)!.toString(16).padStart(4, '0')}`);
}

/** Writes lines to the terminal with every character of the archive's text made printable. */
export const out = (text: string): void => {
  process.stdout.write(printable(text));
};
export const err = (text: string): void => {
  process.stderr.write(printable(text));
};
