import type { FoundPage, PageBox, WordBox } from '@disan/schemas';
import { termRanges } from './ranges.ts';

/** Building the reader's DOM: small helpers, so reader.ts reads as behaviour. */

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

export function button(label: string, text: string, props: Partial<Record<string, string>> = {}): HTMLButtonElement {
  return element('button', { type: 'button', 'aria-label': label, title: label, ...props }, text);
}

/** Fills `{name}` placeholders of a dictionary message. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Places a box given as fractions of its page. */
export function placeBox(node: HTMLElement, box: PageBox): void {
  node.style.left = `${box.x * 100}%`;
  node.style.top = `${box.y * 100}%`;
  node.style.width = `${box.w * 100}%`;
  node.style.height = `${box.h * 100}%`;
}

/**
 * A scanned page's OCR words as its text layer: transparent, placed over the words of
 * the picture, so they can be selected, copied and read by a screen reader.
 */
export function ocrTextLayer(layer: HTMLElement, lines: readonly (readonly WordBox[])[], pageHeightPx: number): void {
  const spans = lines.flatMap((line) => line.map((word, index) => {
    const span = element('span', { class: 'reader-ocr-word' }, index < line.length - 1 ? `${word.text} ` : `${word.text}\n`);
    placeBox(span, word);
    span.style.fontSize = `${Math.max(4, word.h * pageHeightPx * 0.85)}px`;
    return span;
  }));
  layer.replaceChildren(...spans);
}

/**
 * Marks the words found on one page: inside the text layer's spans for a page with
 * text, as boxes over the picture for a scanned page. Earlier marks are removed first.
 */
export function markPage(textLayer: HTMLElement, boxLayer: HTMLElement, found: FoundPage | undefined): number {
  for (const mark of textLayer.querySelectorAll('mark.reader-hit')) mark.replaceWith(...mark.childNodes);
  textLayer.normalize();
  boxLayer.replaceChildren();
  if (!found) return 0;
  let marks = 0;
  if (found.boxes.length > 0) {
    for (const box of found.boxes) {
      const node = element('div', { class: 'reader-hit reader-box' });
      placeBox(node, box);
      boxLayer.append(node);
      marks++;
    }
    return marks;
  }
  for (const span of textLayer.querySelectorAll<HTMLElement>('span:not(.reader-ocr-word):not(.markedContent)')) {
    const text = span.textContent;
    const ranges = termRanges(text, found.terms);
    if (ranges.length === 0 || span.children.length > 0) continue;
    const parts: (Node | string)[] = [];
    let cursor = 0;
    for (const [start, end] of ranges) {
      parts.push(text.slice(cursor, start), element('mark', { class: 'reader-hit' }, text.slice(start, end)));
      cursor = end;
      marks++;
    }
    parts.push(text.slice(cursor));
    span.replaceChildren(...parts.filter((part) => part !== ''));
  }
  return marks;
}
