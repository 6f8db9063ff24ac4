/** A local SMTP server (npm smtp-server) for the suites that mail, and a reader for what it receives. */
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export interface LocalSmtp {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/** A local SMTP server that keeps what it receives. */
export async function startSmtp(): Promise<LocalSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** The URL of an SMTP server that is down: one started, then stopped, so its port refuses connections. */
export async function stoppedSmtpUrl(): Promise<string> {
  const smtp = await startSmtp();
  await smtp.close();
  return smtp.url;
}

const hexBytes = (text: string, underscoreIsSpace: boolean): Buffer => {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else bytes.push(underscoreIsSpace && text[i] === '_' ? 0x20 : text.charCodeAt(i));
  }
  return Buffer.from(bytes);
};

/** RFC 2047 encoded words; adjacent words are joined before decoding, as a character may be split across two. */
function decodeWords(header: string): string {
  const joined = header.replace(/\?=\s+=\?/g, '?==?');
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const parts = [...run.matchAll(/=\?[^?]+\?([BbQq])\?([^?]*)\?=/g)].map(([, kind, data]) =>
      kind!.toUpperCase() === 'B' ? Buffer.from(data!, 'base64') : hexBytes(data!, true),
    );
    return Buffer.concat(parts).toString('utf8');
  });
}

/** Subject and plain-text body of a single-part mail, whatever transfer encoding nodemailer chose. */
export function readMail(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*)$`, 'im').exec(head)?.[1] ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const bytes =
    encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? hexBytes(body.replace(/=\r\n/g, ''), false) : Buffer.from(body, 'utf8');
  return { subject: decodeWords(header('Subject')), text: bytes.toString('utf8').replace(/\r\n/g, '\n') };
}
