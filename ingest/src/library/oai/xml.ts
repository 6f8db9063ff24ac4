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
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
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
