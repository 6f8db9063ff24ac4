/**
 * Which Khmer lunar years are long: the Chhankitek (ចន្ទគតិ) rules as set out in Roath Kim
 * Soeun, "Pratitin Soryakkatik-Chankatik 1900–1999" (Phnom Penh), in the Buddhist Era form
 * that @thyrith/momentkh (MIT, npm) implements and documents. Bodithey (បូតិថី) says whether a
 * year takes a leap month (Adhikameas, អធិកមាស: Asadh doubled, 384 days); Avoman (អវមាន)
 * whether it takes a leap day (Chanthrathimeas, ចន្ទ្រាធិមាស: Jesth of 30 days, 355 days).
 * A year cannot take both: its leap day moves to the following year.
 */
export type KhmerYearKind = 'regular' | 'leap-month' | 'leap-day';

function aharkun(be: number): number {
  return Math.floor((be * 292207 + 499) / 800) + 4;
}

function bodithey(be: number): number {
  const ahk = aharkun(be);
  return (Math.floor((11 * ahk + 25) / 692) + ahk + 29) % 30;
}

function avoman(be: number): number {
  return (11 * aharkun(be) + 25) % 692;
}

/** Kromathupul ≤ 207 marks a Khmer solar year of 366 days. */
function hasKhmerSolarLeap(be: number): boolean {
  return 800 - ((be * 292207 + 499) % 800) <= 207;
}

function takesLeapMonth(be: number): boolean {
  const b = bodithey(be);
  const next = bodithey(be + 1);
  // 25 then 5: only the 5 is a leap-month year. 24 then 6: the 24 is one.
  if (b === 25 && next === 5) return false;
  if (b === 24 && next === 6) return true;
  return b >= 25 || b <= 5;
}

function takesLeapDay(be: number): boolean {
  const a = avoman(be);
  if (hasKhmerSolarLeap(be)) return a <= 126;
  // 137 followed by 0: the 137 year stays regular (Roath Kim Soeun, p. 26).
  return a <= 137 && avoman(be + 1) !== 0;
}

/** The kind of the Khmer lunar year whose month Jesth falls in Buddhist Era year `be`. */
export function khmerYearKind(be: number): KhmerYearKind {
  if (takesLeapMonth(be)) return 'leap-month';
  if (takesLeapDay(be)) return 'leap-day';
  // A year that earned both gave its leap day to this one.
  if (takesLeapMonth(be - 1) && takesLeapDay(be - 1)) return 'leap-day';
  return 'regular';
}
