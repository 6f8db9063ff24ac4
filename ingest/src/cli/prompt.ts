import { DisanError } from '@disan/ingest';

/** True when a person can answer prompts (stdin and stdout are a terminal). */
export const canPrompt = (): boolean => process.stdin.isTTY && process.stdout.isTTY;

/**
 * Reads one line from the terminal without echoing it (a password). Raw mode, so the
 * characters never reach the screen or the scrollback; Ctrl-C and Ctrl-D cancel.
 */
export function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    const finish = (error?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stdout.write('\n');
      if (error) reject(error);
      else resolve(answer);
    };
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          finish();
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish(new DisanError('cancelled'));
          return;
        }
        if (char === '\u007f' || char === '\b') answer = Array.from(answer).slice(0, -1).join('');
        else if (char >= ' ') answer += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}

/** Reads one visible line from the terminal (a TOTP code). */
export async function promptLine(question: string): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await rl.question(question);
  } finally {
    rl.close();
  }
}
