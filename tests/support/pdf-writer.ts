/**
 * A tiny PDF writer for test fixtures that Chromium cannot make: scans (a page that
 * is only an image), embedded JavaScript, a password (standard security handler,
 * RC4 40-bit, revision 2, implemented here because Debian's qpdf is not installed),
 * thousands of pages. Text pages use the built-in Helvetica, so ASCII only.
 */
import { createHash } from 'node:crypto';

export type RawPage = { text: string } | { jpeg: Buffer; width: number; height: number };

export interface RawPdfOptions {
  /** Document-level JavaScript run on open by readers that execute it (Disan never does). */
  javascript?: string;
  /** A user password: readers must ask for it before showing anything. */
  userPassword?: string;
  title?: string;
}

const PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');
const PAGE_W = 595;
const PAGE_H = 842;

export function writeRawPdf(pages: readonly RawPage[], options: RawPdfOptions = {}): Buffer {
  const objects: (Buffer | null)[] = [];
  const reserve = () => objects.push(null);
  const id = Buffer.from(createHash('md5').update(`disan-${pages.length}-${options.title ?? ''}`).digest());
  const security = options.userPassword === undefined ? undefined : standardSecurity(options.userPassword, id);
  const stream = (num: number, dict: string, data: Buffer) => {
    const body = security ? rc4(objectKey(security.key, num), data) : data;
    return Buffer.concat([Buffer.from(`<< ${dict} /Length ${body.length} >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream')]);
  };

  const catalog = reserve();
  const pagesNode = reserve();
  const font = reserve();
  objects[font - 1] = Buffer.from('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  for (const page of pages) {
    const pageNum = reserve();
    const contentNum = reserve();
    kids.push(pageNum);
    let resources = `/Font << /F1 ${font} 0 R >>`;
    let content: string;
    if ('text' in page) {
      const lines = page.text.split('\n').map((line, i) => `BT /F1 14 Tf 60 ${PAGE_H - 80 - i * 20} Td (${escapePdf(line)}) Tj ET`);
      content = lines.join('\n');
    } else {
      const image = reserve();
      objects[image - 1] = stream(image, `/Type /XObject /Subtype /Image /Width ${page.width} /Height ${page.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode`, page.jpeg);
      resources = `/XObject << /Im0 ${image} 0 R >>`;
      content = `q ${PAGE_W} 0 0 ${PAGE_H} 0 0 cm /Im0 Do Q`;
    }
    objects[contentNum - 1] = stream(contentNum, '', Buffer.from(content, 'latin1'));
    objects[pageNum - 1] = Buffer.from(`<< /Type /Page /Parent ${pagesNode} 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Resources << ${resources} >> /Contents ${contentNum} 0 R >>`);
  }
  objects[pagesNode - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  let names = '';
  if (options.javascript !== undefined) {
    const action = reserve();
    objects[action - 1] = Buffer.from(`<< /S /JavaScript /JS (${escapePdf(options.javascript)}) >>`);
    const tree = reserve();
    objects[tree - 1] = Buffer.from(`<< /Names [(open) ${action} 0 R] >>`);
    names = ` /Names << /JavaScript ${tree} 0 R >> /OpenAction ${action} 0 R`;
  }
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesNode} 0 R${names} >>`);
  let info: number | undefined;
  if (options.title !== undefined && !security) {
    info = reserve();
    objects[info - 1] = Buffer.from(`<< /Title (${escapePdf(options.title)}) /Producer (Disan test fixtures) >>`);
  }
  let encrypt: number | undefined;
  if (security) {
    encrypt = reserve();
    objects[encrypt - 1] = Buffer.from(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P ${security.permissions} /O <${security.owner.toString('hex')}> /U <${security.user.toString('hex')}> >>`);
  }
  return assemble(objects, catalog, id, info, encrypt);
}

function assemble(objects: (Buffer | null)[], root: number, id: Buffer, info?: number, encrypt?: number): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(offset);
    const part = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body ?? Buffer.from('null'), Buffer.from('\nendobj\n')]);
    parts.push(part);
    offset += part.length;
  });
  const xref = ['xref', `0 ${objects.length + 1}`, '0000000000 65535 f ', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n `)].join('\n');
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R${info ? ` /Info ${info} 0 R` : ''}${encrypt ? ` /Encrypt ${encrypt} 0 R` : ''} /ID [<${id.toString('hex')}> <${id.toString('hex')}>] >>`;
  parts.push(Buffer.from(`${xref}\n${trailer}\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function escapePdf(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** PDF 1.4 algorithms 3.2-3.4 (revision 2): the file key, /O and /U entries. */
function standardSecurity(userPassword: string, id: Buffer) {
  const padded = (password: string) => Buffer.concat([Buffer.from(password, 'latin1'), PAD]).subarray(0, 32);
  const permissions = -44;
  const ownerKey = createHash('md5').update(padded(`owner-${userPassword}`)).digest().subarray(0, 5);
  const owner = rc4(ownerKey, padded(userPassword));
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const key = createHash('md5').update(Buffer.concat([padded(userPassword), owner, p, id])).digest().subarray(0, 5);
  return { key, owner, user: rc4(key, PAD), permissions };
}

function objectKey(key: Buffer, num: number): Buffer {
  const suffix = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, 0, 0]);
  return createHash('md5').update(Buffer.concat([key, suffix])).digest().subarray(0, Math.min(16, key.length + 5));
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}
