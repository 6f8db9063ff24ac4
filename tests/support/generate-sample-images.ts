/**
 * Generates the sample illustrations from metadata.csv (run once; outputs are
 * committed). They are drawings made with sharp from SVG, not photographs, and
 * every caption says so. Each gets EXIF date and GPS from its row so the
 * pipeline's EXIF reading is exercised on real files.
 *   node tests/support/generate-sample-images.ts
 */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { parseSheet } from '@disan/ingest';

const root = join(import.meta.dirname, '..', '..', 'media-samples');
const sheet = parseSheet(await readFile(join(root, 'metadata.csv'), 'utf8'));
const WIDTH = 1800;
const HEIGHT = 1200;

const palettes: [string, string, string][] = [
  ['#0b1d3a', '#3a5a8c', '#f4d35e'],
  ['#1d3557', '#457b9d', '#e63946'],
  ['#264653', '#2a9d8f', '#e9c46a'],
  ['#3d0c02', '#a4161a', '#ffba08'],
  ['#14213d', '#fca311', '#e5e5e5'],
  ['#2b2d42', '#8d99ae', '#ef233c'],
];

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function svg(index: number, title: string, native: string, caption: string): string {
  const [deep, mid, accent] = palettes[index % palettes.length]!;
  const shapes = Array.from({ length: 14 }, (_, i) => {
    const x = ((i * 137 + index * 71) % 100) * (WIDTH / 100);
    const h = 80 + ((i * 53 + index * 29) % 220);
    return `<rect x="${x.toFixed(0)}" y="${HEIGHT * 0.62 - h}" width="${40 + (i % 5) * 18}" height="${h}" fill="${deep}" opacity="0.55"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
  <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${deep}"/><stop offset="1" stop-color="${mid}"/></linearGradient>
  <linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mid}"/><stop offset="1" stop-color="${deep}"/></linearGradient></defs>
  <rect width="100%" height="100%" fill="url(#sky)"/>
  <circle cx="${300 + index * 97}" cy="260" r="120" fill="${accent}" opacity="0.9"/>
  ${shapes}
  <rect y="${HEIGHT * 0.62}" width="100%" height="${HEIGHT * 0.38}" fill="url(#water)"/>
  <path d="M200 ${HEIGHT * 0.7} Q ${WIDTH / 2} ${HEIGHT * 0.78} ${WIDTH - 200} ${HEIGHT * 0.7} L ${WIDTH - 260} ${HEIGHT * 0.74} Q ${WIDTH / 2} ${HEIGHT * 0.8} 260 ${HEIGHT * 0.74} Z" fill="${accent}"/>
  <text x="80" y="${HEIGHT - 250}" font-family="Noto Sans, DejaVu Sans" font-size="64" fill="#fff" font-weight="bold">${escape(title)}</text>
  <text x="80" y="${HEIGHT - 160}" font-family="Khmer OS, Noto Sans CJK TC, Noto Sans" font-size="60" fill="#fff">${escape(native)}</text>
  <text x="80" y="${HEIGHT - 80}" font-family="Noto Sans, DejaVu Sans" font-size="30" fill="#ddd">${escape(caption)}</text>
</svg>`;
}

const rational = (value: number) => {
  const d = Math.floor(value);
  const m = Math.floor((value - d) * 60);
  const s = Math.round(((value - d) * 60 - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
};

let index = 0;
for (const entry of sheet.entries) {
  const item = sheet.items.get(entry.itemId)!;
  const title = item.title.find((t) => t.lang === 'vi')?.value ?? item.title[0]!.value;
  const native = item.title.find((t) => t.lang === 'km' || t.lang.startsWith('zh'))?.value ?? '';
  const place = item.places?.[0];
  const when = `${item.date && /^\d{4}-\d{2}-\d{2}/.test(item.date) ? item.date.slice(0, 10).replace(/-/g, ':') : '2023:11:27'} 19:${String(10 + index).padStart(2, '0')}:00`;
  const exif: Record<string, Record<string, string>> = {
    IFD0: { Software: 'Disan sample generator (sharp)', ImageDescription: 'Generated illustration, not a photograph' },
    IFD2: { DateTimeOriginal: when },
  };
  if (place?.geo) {
    exif.IFD3 = {
      GPSLatitudeRef: place.geo.lat >= 0 ? 'N' : 'S',
      GPSLatitude: rational(Math.abs(place.geo.lat)),
      GPSLongitudeRef: place.geo.lon >= 0 ? 'E' : 'W',
      GPSLongitude: rational(Math.abs(place.geo.lon)),
    };
  }
  const out = join(root, entry.file);
  await mkdir(dirname(out), { recursive: true });
  await sharp(Buffer.from(svg(index, title, native, entry.caption ?? '')))
    .jpeg({ quality: 72, mozjpeg: true })
    .withExif(exif)
    .toFile(out);
  console.log(out);
  index++;
}
