/**
 * Generates the sample documents (run once; outputs are committed) and the bad
 * PDFs the tests refuse. Text PDFs are printed by Chromium from HTML, so they have
 * a real text layer with Vietnamese tones and CJK; "scans" are page images drawn
 * with sharp (Pango text) wrapped in a PDF with no text layer. Every sample is
 * invented for Disan and its caption in metadata.csv says so.
 *   node tests/support/generate-documents.ts
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { writeRawPdf } from './pdf-writer.ts';

const SAMPLES = join(import.meta.dirname, '..', '..', 'media-samples');

/** The word that appears on page 7 of the report and nowhere else in the samples. */
export const PAGE_7_WORD = 'Sampot';

export async function withChromium<T>(work: (browser: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    return await work(browser);
  } finally {
    await browser.close();
  }
}

/** One HTML section per page, printed to an A4 PDF with a text layer. */
export async function htmlPagesToPdf(browser: Browser, title: string, pages: readonly string[], lang = 'vi'): Promise<Buffer> {
  const page = await browser.newPage();
  try {
    const body = pages.map((html, i) => `<section${i > 0 ? ' style="break-before: page"' : ''}>${html}</section>`).join('');
    await page.setContent(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
      <style>body{font-family:'Noto Serif','Noto Serif CJK TC','Khmer OS',serif;font-size:13pt;margin:0}h1{font-size:18pt}</style></head><body>${body}</body></html>`);
    return await page.pdf({ format: 'A4', margin: { top: '2cm', bottom: '2cm', left: '2cm', right: '2cm' } });
  } finally {
    await page.close();
  }
}

/** A scanned page: text drawn as pixels on an A4-shaped grey page (150 dpi), as a greyscale JPEG. */
export async function scanImage(text: string, font = 'Noto Serif 12'): Promise<{ jpeg: Buffer; width: number; height: number }> {
  const width = 1240;
  const height = 1754;
  const escaped = escapeHtml(text);
  const ink = await sharp({ text: { text: `<span foreground="#1a1a1a">${escaped}</span>`, font, width: width - 240, dpi: 150, rgba: true, wrap: 'word' } }).png().toBuffer();
  const jpeg = await sharp({ create: { width, height, channels: 3, background: '#f4f1ea' } })
    .composite([{ input: ink, top: 140, left: 120 }])
    .toColourspace('b-w')
    .jpeg({ quality: 85 })
    .toBuffer();
  return { jpeg, width, height };
}

export async function scannedPdf(pages: readonly string[], font?: string): Promise<Buffer> {
  return writeRawPdf(await Promise.all(pages.map((text) => scanImage(text, font))));
}

const REPORT_TOPICS = [
  ['Giới thiệu', 'Báo cáo này tổng hợp kết quả khảo sát công tác bảo tồn lễ hội Ok Om Bok của đồng bào Khmer tỉnh Sóc Trăng trong năm 2023.'],
  ['Nguồn gốc lễ hội', 'Lễ cúng trăng diễn ra vào rằm tháng mười âm lịch, khi mùa lúa chín. Người dân dâng cốm dẹp, khoai lang, chuối và dừa để tạ ơn thần Mặt Trăng.'],
  ['Nghi thức tại chùa', 'Các vị sư cả chủ trì lễ cúng tại chùa; bà con trong phum sóc mang lễ vật đến sân chùa từ chiều tối.'],
  ['Thả đèn nước và đèn gió', 'Đêm rằm, thanh niên thả đèn nước trên sông và đèn gió lên trời, cầu mong bình an cho cả năm.'],
  ['Đua ghe ngo', 'Hội đua ghe ngo trên sông Maspero thu hút hơn năm mươi đội ghe đến từ các tỉnh đồng bằng sông Cửu Long.'],
  ['Nghệ thuật trình diễn', 'Các đoàn Dù kê, Rô băm và nhạc ngũ âm biểu diễn suốt ba đêm lễ hội tại Hồ Nước Ngọt.'],
  ['Trang phục truyền thống', `Phụ nữ Khmer mặc áo tầm vông và váy ${PAGE_7_WORD} dệt bằng tơ tằm; nghề dệt ở Sóc Trăng cần được hỗ trợ để truyền nghề cho lớp trẻ.`],
  ['Kiến nghị', 'Đề nghị tiếp tục số hóa tư liệu, hỗ trợ nghệ nhân và đưa nội dung lễ hội vào chương trình giáo dục địa phương.'],
] as const;

/** The 8-page report: a heading and paragraph per page; PAGE_7_WORD only on page 7. */
export function reportPages(): string[] {
  return REPORT_TOPICS.map(([heading, text], i) =>
    `${i === 0 ? '<h1>Báo cáo bảo tồn lễ hội Ok Om Bok</h1>' : ''}<h2>${i + 1}. ${heading}</h2><p>${text}</p><p>Trang ${i + 1}.</p>`);
}

/** A long Vietnamese document for the benchmark: `count` pages of ordinary report prose. */
export function longReportPages(count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const [heading, text] = REPORT_TOPICS[i % REPORT_TOPICS.length]!;
    return `<h2>Mục ${i + 1}. ${heading}</h2>${`<p>${text}</p>`.repeat(6)}`;
  });
}

const SCAN_TEXT = `ỦY BAN NHÂN DÂN TỈNH SÓC TRĂNG
BAN DÂN TỘC

QUYẾT ĐỊNH
Về việc hỗ trợ kinh phí tổ chức lễ hội Ok Om Bok năm 2023

Điều 1. Hỗ trợ kinh phí cho các chùa Khmer tổ chức lễ cúng trăng và hội đua ghe ngo trên địa bàn tỉnh.
Điều 2. Phòng Văn hóa các huyện phối hợp với Ban quản trị chùa thực hiện quyết định này.

(Bản quét mẫu, tạo cho Disan)`;

const HOA_PAGES = [
  '<h1>潮州會館章程 — Điều lệ Hội quán Triều Châu</h1><p>第一條：本會館以聯絡同鄉、敬奉天后聖母、舉辦元宵節慶為宗旨。</p><p>Điều 1. Hội quán nhằm gắn kết đồng hương, thờ phụng Thiên Hậu Thánh Mẫu và tổ chức lễ Nguyên Tiêu.</p>',
  '<h2>第二條 — Điều 2</h2><p>每年正月十五日舉行元宵節，會館理事會負責籌備。</p><p>Hằng năm, rằm tháng Giêng tổ chức lễ Nguyên Tiêu; ban trị sự hội quán lo chuẩn bị.</p>',
];

export interface BadPdfs {
  password: string;
  javascript: string;
  huge: string;
  truncated: string;
}

/** The bad PDFs every test of refusals uses, written to `dir`. */
export async function writeBadPdfs(dir: string, hugePages = 5000): Promise<BadPdfs> {
  await mkdir(dir, { recursive: true });
  const paths: BadPdfs = {
    password: join(dir, 'mat-khau.pdf'),
    javascript: join(dir, 'co-javascript.pdf'),
    huge: join(dir, 'nam-nghin-trang.pdf'),
    truncated: join(dir, 'bi-cat.pdf'),
  };
  await writeFile(paths.password, writeRawPdf([{ text: 'Tai lieu mat' }], { userPassword: 'disan' }));
  await writeFile(paths.javascript, writeRawPdf([{ text: 'Bao cao co kich ban JavaScript\nChuong trinh hanh dong' }], { javascript: 'app.alert("Disan never runs this")', title: 'Scripted' }));
  await writeFile(paths.huge, writeRawPdf(Array.from({ length: hugePages }, (_, i) => ({ text: `Trang ${i + 1} cua so tay lon` })), { title: 'So tay lon' }));
  const whole = writeRawPdf(Array.from({ length: 4 }, (_, i) => ({ text: `Trang ${i + 1}` })));
  await writeFile(paths.truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  return paths;
}

async function writeSample(relative: string, bytes: Buffer): Promise<void> {
  const path = join(SAMPLES, relative);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, bytes);
  console.log(`${relative}: ${bytes.length} bytes`);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

if (import.meta.main) {
  await withChromium(async (browser) => {
    await writeSample('khmer/bao-cao-bao-ton-ok-om-bok.pdf', await htmlPagesToPdf(browser, 'Báo cáo bảo tồn lễ hội Ok Om Bok', reportPages()));
    await writeSample('hoa/dieu-le-hoi-quan-trieu-chau.pdf', await htmlPagesToPdf(browser, '潮州會館章程 — Điều lệ Hội quán Triều Châu', HOA_PAGES, 'zh-Hant'));
  });
  await writeSample('khmer/quyet-dinh-ho-tro-ok-om-bok-ban-quet.pdf', await scannedPdf([SCAN_TEXT]));
  // The sheet must already list them; a reminder beats a silent mismatch.
  const sheet = await readFile(join(SAMPLES, 'metadata.csv'), 'utf8');
  for (const name of ['bao-cao-bao-ton-ok-om-bok.pdf', 'dieu-le-hoi-quan-trieu-chau.pdf', 'quyet-dinh-ho-tro-ok-om-bok-ban-quet.pdf']) {
    if (!sheet.includes(name)) console.warn(`metadata.csv has no row for ${name}`);
  }
}
