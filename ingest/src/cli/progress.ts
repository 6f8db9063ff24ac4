import type { WriteStream } from 'node:tty';
import { printable } from './printable.ts';

/**
 * Progress for long runs: a redrawn bar with files done, rate and ETA on a
 * terminal; plain lines (one per file) when output goes to a file or CI log.
 */
export function createProgress(out: NodeJS.WriteStream | WriteStream, label: string) {
  const interactive = out.isTTY;
  const started = Date.now();
  let total = 0;
  let done = 0;
  let failed = 0;

  const seconds = () => (Date.now() - started) / 1000;
  const format = (s: number) => (Number.isFinite(s) ? `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}` : '--:--');

  function draw(): void {
    const rate = done / Math.max(seconds(), 0.001);
    const eta = rate > 0 ? (total - done) / rate : Number.POSITIVE_INFINITY;
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : 0;
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    out.write(`\r${label} ${bar} ${done}/${total}  ${rate.toFixed(2)}/s  ETA ${format(eta)}${failed ? `  ${failed} failed` : ''}   `);
  }

  return {
    setTotal(value: number) {
      total = value;
      if (interactive) draw();
    },
    tick(line: string, ok: boolean) {
      done++;
      if (!ok) failed++;
      if (interactive) draw();
      else out.write(`${printable(line)}\n`);
    },
    finish() {
      if (interactive) out.write('\n');
      return { done, failed, seconds: seconds() };
    },
  };
}
