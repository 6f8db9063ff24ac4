import { describe, expect, it } from 'vitest';
import { escapeXml, XmlWriter } from './xml.ts';

describe('escapeXml', () => {
  it.each([
    ['plain text, returned as it is', 'Lễ hội Ok Om Bok', 'Lễ hội Ok Om Bok'],
    ['markup characters', 'a < b & c > "d"', 'a &lt; b &amp; c &gt; &quot;d&quot;'],
    ['control characters XML 1.0 forbids, dropped', 'a\u0001b\u0008c\u001Fd', 'abcd'],
    ['tab and line breaks, kept as references', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
    ['U+FFFE and U+FFFF, dropped', 'a\uFFFEb\uFFFF', 'ab'],
    ['a lone surrogate, dropped', 'a\uD800b\uDC00c', 'abc'],
    ['a surrogate pair (outside the BMP), kept', '𠀀 chữ Nôm', '𠀀 chữ Nôm'],
  ])('%s', (_case, value, escaped) => {
    expect(escapeXml(value)).toBe(escaped);
  });
});

describe('XmlWriter', () => {
  it('writes a declaration, elements, escaped attributes, empty elements, and closes what is open', () => {
    const out = new XmlWriter().start('root', { xmlns: 'urn:x', skipped: undefined, note: 'a "b" & c' });
    out.element('title', 'Lễ <hội>', { 'xml:lang': 'vi' }).element('empty', '', { n: '1' }).start('inner').raw('<x/>');
    expect(out.toString()).toBe('<?xml version="1.0" encoding="UTF-8"?><root xmlns="urn:x" note="a &quot;b&quot; &amp; c"><title xml:lang="vi">Lễ &lt;hội&gt;</title><empty n="1"/><inner><x/></inner></root>');
  });

  it('grows its buffer past its capacity without losing or splitting a multi-byte character', () => {
    const khmer = 'បុណ្យអុំទូក';
    const out = new XmlWriter({ declaration: false, capacity: 16 }).start('r');
    for (let n = 0; n < 2000; n++) out.element('t', khmer);
    const expected = `<r>${`<t>${khmer}</t>`.repeat(2000)}</r>`;
    expect(out.toBuffer().equals(Buffer.from(expected, 'utf8'))).toBe(true);
  });

  it('refuses to close an element that was never opened', () => {
    expect(() => new XmlWriter().end()).toThrow(/no element is open/);
  });
});
