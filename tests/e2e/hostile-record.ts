/**
 * A catalog record whose every text field carries markup that would run if a page
 * inserted it as HTML: the item page must show it as text and run nothing.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';

export const HOSTILE_ID = 'thu-nghiem-noi-dung-doc';
/** Each payload, if it ran, sets a flag on the page and opens a dialog. */
const SCRIPT = '<script>window.__disanXss = "script"; alert("xss-script")</script>';
const IMG = '<img src="x" onerror="window.__disanXss = \'img\'; alert(\'xss-img\')" data-injected="img">';
const SVG = '<svg onload="window.__disanXss = \'svg\'; alert(\'xss-svg\')" data-injected="svg"></svg>';

export const HOSTILE_TITLE = `Lễ hội thử nghiệm ${SCRIPT}${IMG}`;

/** Writes the record (with one small photo whose caption is hostile too) as a `disan import` file; returns its path. */
export async function writeHostileRecord(folder: string): Promise<string> {
  const photo = join(folder, 'hostile-photo.jpg');
  await sharp({ create: { width: 96, height: 64, channels: 3, background: '#7a3b1d' } }).jpeg().toFile(photo);
  const record = {
    id: HOSTILE_ID,
    kind: 'festival',
    ethnicGroups: ['hoa'],
    title: [{ lang: 'vi', value: HOSTILE_TITLE }],
    description: [{ lang: 'vi', value: `Mô tả ${IMG} ${SVG} <a href="javascript:alert('xss-link')" data-injected="link">bấm</a>` }],
    subjects: [{ lang: 'vi', value: `chủ đề ${SCRIPT}` }],
    alternativeNames: [{ lang: 'vi', value: `tên ${IMG}`, type: 'variant' }],
    status: 'published',
    access: { level: 'public' },
    media: [{ file: 'hostile-photo.jpg', caption: `Chú thích ${IMG}"><script>alert("xss-caption")</script>` }],
  };
  const path = join(folder, 'hostile.jsonl');
  await writeFile(path, `${JSON.stringify(record)}\n`);
  return path;
}
