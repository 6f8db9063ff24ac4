import { XMLParser } from 'fast-xml-parser';
import { ValidationError } from '../../errors.ts';

/** One parsed LIFT element: attributes under `@_name`, children by name (repeatable ones always arrays), `<text>` raw. */
export type LiftNode = { [name: string]: LiftValue };
type LiftValue = string | LiftNode | LiftValue[];

/** Elements that may repeat in LIFT: always read as arrays, so one reads like many. */
const REPEATED = new Set(['entry', 'form', 'gloss', 'sense', 'subsense', 'pronunciation', 'media', 'variant', 'relation', 'note', 'example', 'translation', 'trait', 'field', 'etymology', 'annotation', 'reversal', 'illustration']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // A text may hold <span> markup (LIFT's span-content): read whole, the spans' own text kept.
  stopNodes: ['*.text'],
  isArray: (name) => REPEATED.has(name),
  processEntities: true,
});

const ROOT_CLOSED = /(?:<\/lift\s*>|<lift\b[^<]*\/>)\s*(?:<!--[\s\S]*?-->\s*)*$/;

/** The root `<lift>` element of a document, or a ValidationError saying why the file is not one. */
export function parseLift(xml: string): LiftNode {
  let tree: LiftNode;
  try {
    tree = parser.parse(xml) as LiftNode;
  } catch (error) {
    throw new ValidationError(`the LIFT file is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const root = tree.lift;
  if (root === undefined || typeof root !== 'object' || Array.isArray(root)) throw new ValidationError('the file is not LIFT: its root element must be <lift>');
  // The parser reads a file cut off mid-way without complaint (its validator is deprecated).
  if (!ROOT_CLOSED.test(xml)) throw new ValidationError('the LIFT file is not well-formed XML: it ends before </lift> (cut off?)');
  const version = attribute(root, 'version');
  if (!/^0\.1[0-5]$/.test(version)) throw new ValidationError(`LIFT version "${version}" is not read: export LIFT 0.13 to 0.15 (FieldWorks and WeSay do)`);
  return root;
}

/** Children of a node by name (always a list). */
export function children(node: LiftNode, name: string): LiftNode[] {
  const value = node[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((child): child is LiftNode => typeof child === 'object' && !Array.isArray(child));
}

export const child = (node: LiftNode, name: string): LiftNode | undefined => children(node, name)[0];

export function attribute(node: LiftNode, name: string): string {
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : '';
}

/** A form's `<text>`: its spans' markup taken away, character references read. */
export function textOf(node: LiftNode): string {
  const raw = node.text;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return '';
  return decodeEntities(value.replace(/<\/?span\b[^>]*>/g, ''));
}

/** The forms of a multitext as language and text, empty ones left out. */
export function formsOf(node: LiftNode | undefined): { lang: string; value: string }[] {
  if (!node) return [];
  return children(node, 'form')
    .map((form) => ({ lang: attribute(form, 'lang'), value: textOf(form) }))
    .filter((form) => form.value.trim() !== '');
}

/** Traits of a node as name and value, in order. */
export const traitsOf = (node: LiftNode): { name: string; value: string }[] => children(node, 'trait').map((trait) => ({ name: attribute(trait, 'name'), value: attribute(trait, 'value') }));

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED[name] ?? whole;
  });
}
