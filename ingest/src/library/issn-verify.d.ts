// @natlibfi/issn-verify (the National Library of Finland's ISSN check) ships no declarations.
declare module '@natlibfi/issn-verify' {
  /** True when the ISSN (with or without its hyphen) has a right check digit. */
  export default function issnVerify(input: string): boolean;
}
