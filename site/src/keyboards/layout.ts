/**
 * The shape of an on-screen keyboard layout: rows of keys named by their position on a
 * physical keyboard (XKB's names: `AD01` is the key where a US keyboard has Q), each key
 * giving the text it types at each level. A level a layout does not have, or a key that
 * types nothing there, is `null`.
 */
export const LEVELS = ['normal', 'shift', 'altgr', 'altgrShift'] as const;
export type Level = (typeof LEVELS)[number];

export interface KeyDef {
  /** XKB's name of the key's position, e.g. `AC07`. */
  readonly position: string;
  readonly normal: string | null;
  readonly shift: string | null;
  readonly altgr: string | null;
  readonly altgrShift: string | null;
}

export const LAYOUT_IDS = ['khmer-nida', 'cham'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];

export interface KeyboardLayout {
  readonly id: LayoutId;
  /** The BCP 47 tag of the text the layout types (the keys' `lang`, so the right font and voice are used). */
  readonly lang: string;
  /** Whether the AltGr levels are offered (NiDA has them; the Cham layout does not). */
  readonly hasAltGr: boolean;
  readonly rows: readonly (readonly KeyDef[])[];
}

/** A level's output: a code point, literal text (several code points, or ASCII punctuation), or nothing. */
export type Output = number | string | null;

const text = (output: Output | undefined): string | null => {
  if (output === undefined || output === null) return null;
  return typeof output === 'number' ? String.fromCodePoint(output) : output;
};

/**
 * One key from its outputs in level order (normal, shift, AltGr, AltGr+Shift), as XKB
 * symbol files list them.
 * @example key('AC08', 0x1780, 0x1782).normal // 'ក'
 */
export function key(position: string, ...outputs: Output[]): KeyDef {
  return { position, normal: text(outputs[0]), shift: text(outputs[1]), altgr: text(outputs[2]), altgrShift: text(outputs[3]) };
}

/** The level that the shift and AltGr toggles select. */
export function levelOf(shift: boolean, altgr: boolean): Level {
  if (altgr) return shift ? 'altgrShift' : 'altgr';
  return shift ? 'shift' : 'normal';
}

/** The key at a position; an unknown position is a mistake in the caller, said plainly. */
export function keyAt(layout: KeyboardLayout, position: string): KeyDef {
  for (const row of layout.rows) {
    const found = row.find((k) => k.position === position);
    if (found) return found;
  }
  throw new Error(`the ${layout.id} layout has no key at ${position}`);
}

/** The code points of a text as `U+1780` names, for tests and for keys' accessible names. */
export function codePoints(value: string): string[] {
  return Array.from(value, (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}
