import { spawnSync } from 'node:child_process';

/** One traced system call, with where it started and ended in the trace (line numbers). */
export interface Syscall {
  pid: number;
  name: string;
  /** The arguments as strace prints them (with -y, file descriptors carry their path: `21</a/b>`). */
  args: string;
  result: string;
  start: number;
  end: number;
}

/**
 * Whether strace can trace a child here: it needs the strace binary and ptrace, which
 * some containers forbid. Returns the reason it cannot, or null when it can.
 */
export function straceUnavailable(): string | null {
  const probe = spawnSync('strace', ['-f', '-qq', '-e', 'trace=openat', '-o', '/dev/null', 'true'], { encoding: 'utf8' });
  if (probe.error) return `strace is not installed (${probe.error.message}); .ci/provision installs it`;
  if (probe.status !== 0) return `strace cannot trace here (ptrace refused?): ${probe.stderr.trim()}`;
  return null;
}

const FULL = /^(\d+) +(\w+)\((.*)\) += (.*)$/;
const UNFINISHED = /^(\d+) +(\w+)\((.*) <unfinished \.\.\.>$/;
const RESUMED = /^(\d+) +<\.\.\. (\w+) resumed>(.*)\) += (.*)$/;

/**
 * Parses `strace -f -o` output. With several threads a call may be split in two lines
 * (`<unfinished ...>`, then `<... name resumed>`); it then starts at the first and ends at
 * the second, so "A ended before B started" is what the kernel saw, not print order.
 */
export function parseStrace(text: string): Syscall[] {
  const calls: Syscall[] = [];
  const pending = new Map<number, Syscall>();
  for (const [line, content] of text.split('\n').entries()) {
    const full = FULL.exec(content);
    if (full) {
      calls.push({ pid: Number(full[1]), name: full[2]!, args: full[3]!, result: full[4]!, start: line, end: line });
      continue;
    }
    const unfinished = UNFINISHED.exec(content);
    if (unfinished) {
      pending.set(Number(unfinished[1]), { pid: Number(unfinished[1]), name: unfinished[2]!, args: unfinished[3]!, result: '', start: line, end: line });
      continue;
    }
    const resumed = RESUMED.exec(content);
    if (!resumed) continue;
    const started = pending.get(Number(resumed[1]));
    if (started !== undefined && started.name === resumed[2]) {
      pending.delete(started.pid);
      calls.push({ ...started, args: started.args + resumed[3]!, result: resumed[4]!, end: line });
    }
  }
  return calls.sort((a, b) => a.start - b.start);
}

/** The quoted paths of a call's arguments, in order (`rename("/a", "/b")` gives ['/a', '/b']). */
export function quotedPaths(call: Syscall): string[] {
  return Array.from(call.args.matchAll(/"((?:[^"\\]|\\.)*)"/g), (match) => match[1]!);
}

/** The path strace -y printed for a call's first file descriptor (`fsync(21</a/b>)` gives '/a/b'). */
export function fdPath(call: Syscall): string | undefined {
  return /^\d+<([^>]*)>/.exec(call.args)?.[1];
}
