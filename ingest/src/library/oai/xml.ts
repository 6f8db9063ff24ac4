import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export type { XMLBuilder };

export const OAI_NS = 'http://www.openarchives.org/OAI/2.0/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Text as XML 1.0 may carry it: control characters other than tab and line breaks, lone
 * surrogates and U+FFFE/U+FFFF cannot be written at all, and a record typed or imported
 * with one must not break a whole page of a harvest.
 * @example xmlText('a\u0001b') // 'ab'
 */
export function xmlText(value: string): string {
  return value.replace(FORBIDDEN, '');
}

const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Everything escapeXml changes: markup characters, and what XML 1.0 forbids (surrogates, paired or not,
// so a lone one is seen; a pair passes through unchanged). Most values have none: they are returned as they are.
const SPECIAL = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
const SPECIAL_ALL = /[&<>"\t\n\r]/g;
const REFERENCES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/**
 * A value escaped to sit in XML text or in a double-quoted attribute, with the characters
 * XML 1.0 forbids removed (xmlText). Tab and line breaks become character references, so
 * an attribute keeps them and a carriage return survives parsing.
 * @example escapeXml('a < b & "c"\u0001') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return xmlText(value).replace(SPECIAL_ALL, (character) => REFERENCES[character]!);
}

/** Attributes as written in a start tag (` name="value"`…); undefined ones are left out. */
function attributesText(attributes: Readonly<Record<string, string | undefined>>): string {
  let out = '';
  for (const name in attributes) {
    const value = attributes[name];
    if (value !== undefined) out += ` ${name}="${escapeXml(value)}"`;
  }
  return out;
}

type Attributes = Readonly<Record<string, string | undefined>>;

/**
 * An XML document written as UTF-8 bytes, an element at a time, instead of built as an
 * xmlbuilder2 tree and then serialised (most of a harvest's time went there: 0.02–0.07×
 * the bare read). The bytes go straight into one growing buffer: joining a page's
 * strings at the end cost as much again as writing them, V8 flattening a rope of
 * 100 000 pieces. Every value goes through escapeXml; `raw` takes XML already written.
 */
export class XmlWriter {
  private buffer: Buffer;
  private length = 0;
  private readonly open: string[] = [];

  constructor(options: { declaration?: boolean; capacity?: number } = {}) {
    this.buffer = Buffer.allocUnsafe(options.capacity ?? 64 * 1024);
    if (options.declaration ?? true) this.raw('<?xml version="1.0" encoding="UTF-8"?>');
  }

  start(name: string, attributes: Attributes = {}): this {
    this.open.push(name);
    return this.raw(`<${name}${attributesText(attributes)}>`);
  }

  end(): this {
    const name = this.open.pop();
    if (name === undefined) throw new Error('XmlWriter.end: no element is open');
    return this.raw(`</${name}>`);
  }

  /** `<name attributes>text</name>`, escaped; `<name attributes/>` when the text is empty. */
  element(name: string, text: string, attributes: Attributes = {}): this {
    const attrs = attributesText(attributes);
    return this.raw(text === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`);
  }

  /** XML already written and escaped, as it is. */
  raw(xml: string): this {
    // At most 3 UTF-8 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
    const needed = this.length + xml.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(xml, this.length, 'utf8');
    return this;
  }

  /** The document's bytes, every element closed (a view of the writer's buffer: write no more after). */
  toBuffer(): Buffer {
    while (this.open.length > 0) this.end();
    return this.buffer.subarray(0, this.length);
  }

  toString(): string {
    return this.toBuffer().toString('utf8');
  }
}

/** A new document whose root element is `name` in `namespace`, with xsi:schemaLocation. */
export function xmlDocument(namespace: string, name: string, schemaLocation: string): { doc: XMLBuilder; root: XMLBuilder } {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele(namespace, name).att(XSI_NS, 'xsi:schemaLocation', schemaLocation);
  return { doc, root };
}

/** An element with text, in the parent's namespace. */
export function textElement(parent: XMLBuilder, name: string, value: string, attributes: Record<string, string> = {}): XMLBuilder {
  const element = parent.ele(name);
  for (const [key, attribute] of Object.entries(attributes)) element.att(key, attribute);
  return element.txt(xmlText(value));
}
