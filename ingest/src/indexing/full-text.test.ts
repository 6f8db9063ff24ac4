import type { Media, TextPassage } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { analyze } from '../analyzer/index.ts';
import { capWords, mediaText } from './full-text.ts';

const medium = (id: string, position: number, caption?: string): Media => ({
  id, itemId: 'item', sha256: 'a'.repeat(64), mimeType: 'application/pdf', kind: 'document', size: 1, originalName: `${id}.pdf`,
  originalKey: `originals/${id}`, position, status: 'ready', derivatives: [], createdAt: '2024-01-01T00:00:00Z', ...(caption ? { caption } : {}),
});
const passage = (mediaId: string, seq: number, text: string): TextPassage => ({ mediaId, itemId: 'item', seq, source: 'pdf-text', page: seq + 1, text });

describe('mediaText', () => {
  const media = [medium('second', 1), medium('first', 0, 'Bìa sách')];
  const passages = [passage('second', 0, 'trang B1'), passage('first', 1, 'trang A2'), passage('first', 0, 'trang A1')];

  it('gives captions, then pages and cues in reading order', () => {
    expect(mediaText(media, passages, false)).toEqual(['Bìa sách', 'trang A1', 'trang A2', 'trang B1']);
  });

  it('leaves the text inside media out of a metadata-only record, keeping captions', () => {
    expect(mediaText(media, passages, true)).toEqual(['Bìa sách']);
  });
});

describe('capWords', () => {
  it('keeps texts under the cap as they are', () => {
    expect(capWords(['một hai', 'ba'], 3)).toEqual(['một hai', 'ba']);
  });

  it('keeps half the budget as written, then each further distinct word once, within the cap', () => {
    const pages = ['Lễ hội đua', 'ghe ngo', 'đua ghe Sóc Trăng', 'chùa Dơi chùa', 'tháng mười âm lịch'];
    const capped = capWords(pages, 10);
    expect(capped.slice(0, 2)).toEqual(['Lễ hội đua', 'ghe ngo']);
    expect(capped[2]).toBe('sóc trăng chùa dơi tháng');
    expect(capped.flatMap((text) => analyze(text)).length).toBeLessThanOrEqual(10);
  });

  it('keeps a word found only on the last page of a long book', () => {
    const pages = Array.from({ length: 400 }, (_, index) => `trang ${index % 7} lễ hội đua ghe ngo`);
    pages[399] = 'đua ghe trên sông Maspero';
    const capped = capWords(pages, 200);
    expect(capped.flatMap((text) => analyze(text)).length).toBeLessThanOrEqual(200);
    expect(capped.at(-1)).toContain('maspero');
  });

  it('adds nothing after the kept pages when the rest repeats their words', () => {
    expect(capWords(['a b', 'a b', 'a b', 'a b'], 6)).toEqual(['a b']);
  });
});
