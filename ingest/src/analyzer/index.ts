export { analyze, analyzeForIndex, indexText, tonedText, type Token } from './analyzer.ts';
export { exactWord, foldHan, foldWord, scriptOf, type Script } from './fold.ts';
export { identifierKey, identifierKeysOf, isIdentifierKey, queryIdentifierKeys } from './identifier.ts';
export { wholeKey } from './whole-key.ts';
export { khmerClusters, khmerSubwords, MAX_COMPOUND_CLUSTERS, type KhmerSubword } from './khmer-compound.ts';
