/**
 * Plain values with no TypeBox inside, so that browser code (the site's islands) can
 * share them without carrying the schema library.
 */

/** Stable record id: lower-case ASCII, digits and dashes, safe in URLs, keys and OAI identifiers. */
export const ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,127}$';

/** @example isId('ok-om-bok') // true; isId('../etc') // false */
export const isId = (value: string): boolean => new RegExp(ID_PATTERN).test(value);
