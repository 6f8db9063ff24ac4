export { analyze, indexText, tonedText, type Token } from './analyzer.ts';
export { exactWord, foldHan, foldWord, scriptOf, type Script } from './fold.ts';
export { identifierKey, identifierKeysOf, isIdentifierKey, queryIdentifierKeys } from './identifier.ts';
