/**
 * When to try again, in words a person reads: the delay and the clock time (UTC).
 * @example waitText(90, new Date('2026-05-01T10:00:00Z')) // 'in 2 minutes (after 10:01:30 UTC)'
 */
export function waitText(seconds: number, now: Date = new Date()): string {
  const after = new Date(now.getTime() + seconds * 1000).toISOString().slice(11, 19);
  const delay = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `in ${delay} (after ${after} UTC)`;
}
