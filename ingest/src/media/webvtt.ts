import { UnsupportedMediaError } from '../errors.ts';

/**
 * A WebVTT parser and validator (pure, no I/O), following the W3C WebVTT syntax
 * closely enough for archives: header, NOTE/STYLE/REGION blocks, cue identifiers,
 * timings (`hh:mm:ss.ttt` or `mm:ss.ttt`), cue settings, and cue text whose tags
 * (voice `<v Name>`, `<c>`, `<i>`, `<b>`, `<u>`, `<lang>`, `<ruby>`, timestamps)
 * are reduced to plain text for search. A file is refused with the line number of
 * its first problem, so an archivist can fix it in an editor.
 */

export interface Cue {
  id?: string;
  startSeconds: number;
  endSeconds: number;
  /** Settings as written (`align:start line:90%`), kept for re-serialising. */
  settings?: string;
  /** Cue text as written, tags included (kept for the clean `.vtt` rendition). */
  payload: string;
  /** Plain text: tags removed, entities decoded, lines joined by newlines. */
  text: string;
  /** Speakers named by voice tags, in order of appearance. */
  voices: string[];
}

export interface WebVtt {
  cues: Cue[];
  /** STYLE and REGION blocks as written, kept for re-serialising. */
  blocks: string[];
}

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const TIMING_LINE = /^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$/;
const SETTING = /^(vertical|line|position|size|align|region):\S+$/;

/** Refuses the file with the 1-based line of the problem. */
export class WebVttError extends UnsupportedMediaError {
  readonly line: number;
  constructor(line: number, problem: string) {
    super(`WebVTT line ${line}: ${problem}`);
    this.line = line;
  }
}

export function parseWebVtt(input: string): WebVtt {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const header = lines[0] ?? '';
  if (!/^WEBVTT(?:[ \t].*)?$/.test(header)) throw new WebVttError(1, 'the file must start with "WEBVTT"');
  const result: WebVtt = { cues: [], blocks: [] };
  let index = skipBlock(lines, 0);
  let seenCue = false;
  while (index < lines.length) {
    if (lines[index] === '') {
      index++;
      continue;
    }
    const end = skipBlock(lines, index);
    const block = lines.slice(index, end);
    const first = block[0]!;
    if (/^NOTE(?:[ \t]|$)/.test(first)) {
      // Comments are the archivist's, not the viewer's: dropped from text and rendition.
    } else if (/^(STYLE|REGION)(?:[ \t]|$)/.test(first) && !block.some((l) => l.includes('-->'))) {
      if (seenCue) throw new WebVttError(index + 1, `${first.split(/\s/)[0]!} blocks must come before the first cue`);
      result.blocks.push(block.join('\n'));
    } else {
      result.cues.push(parseCue(block, index + 1));
      seenCue = true;
    }
    index = end;
  }
  return result;
}

/** Index just past a block: the next blank line (or the end). */
function skipBlock(lines: readonly string[], start: number): number {
  let index = start;
  while (index < lines.length && lines[index] !== '') index++;
  return index;
}

function parseCue(block: readonly string[], firstLine: number): Cue {
  const hasId = !block[0]!.includes('-->');
  const timingIndex = hasId ? 1 : 0;
  const timingLine = block[timingIndex];
  const lineNo = firstLine + timingIndex;
  if (timingLine === undefined || !timingLine.includes('-->')) {
    throw new WebVttError(lineNo, `expected a cue timing line like "00:01:30.000 --> 00:01:34.500", found ${JSON.stringify(timingLine ?? '')}`);
  }
  const match = TIMING_LINE.exec(timingLine.trim());
  if (!match) throw new WebVttError(lineNo, `the cue timing ${JSON.stringify(timingLine)} is not "start --> end"`);
  const startSeconds = parseTimestamp(match[1]!, lineNo);
  const endSeconds = parseTimestamp(match[2]!, lineNo);
  if (endSeconds <= startSeconds) throw new WebVttError(lineNo, `the cue ends (${match[2]!}) before or when it starts (${match[1]!})`);
  const settings = match[3]?.trim();
  for (const setting of settings ? settings.split(/[ \t]+/) : []) {
    if (!SETTING.test(setting)) throw new WebVttError(lineNo, `unknown cue setting ${JSON.stringify(setting)}`);
  }
  const payload = block.slice(timingIndex + 1).join('\n');
  return {
    ...(hasId ? { id: block[0]! } : {}),
    startSeconds,
    endSeconds,
    ...(settings ? { settings } : {}),
    payload,
    text: cueText(payload),
    voices: [...payload.matchAll(/<v(?:\.[^\s>]+)*[ \t]+([^>]+)>/g)].map((m) => m[1]!.trim()),
  };
}

function parseTimestamp(value: string, line: number): number {
  const match = TIMESTAMP.exec(value);
  if (!match) throw new WebVttError(line, `${JSON.stringify(value)} is not a timestamp (hh:mm:ss.ttt or mm:ss.ttt)`);
  const [, hours, minutes, seconds, millis] = match;
  return Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(millis) / 1000;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** Plain text of a cue: ruby annotations (`<rt>`) dropped, every other tag removed, entities decoded. */
export function cueText(payload: string): string {
  return payload
    .replace(/<rt>[\s\S]*?<\/rt>/g, '')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_, name: string) => ENTITIES[name]!)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A clean file: header, STYLE/REGION blocks, then every cue with normalised timings; NOTEs dropped. */
export function serializeWebVtt(vtt: WebVtt): string {
  const cues = vtt.cues.map((cue) => {
    const timing = `${formatTimestamp(cue.startSeconds)} --> ${formatTimestamp(cue.endSeconds)}${cue.settings ? ` ${cue.settings}` : ''}`;
    return [...(cue.id ? [cue.id] : []), timing, cue.payload].join('\n');
  });
  return ['WEBVTT', ...vtt.blocks, ...cues].join('\n\n') + '\n';
}

/** @example formatTimestamp(90.5) // '00:01:30.500' */
export function formatTimestamp(seconds: number): string {
  const millis = Math.round(seconds * 1000);
  const h = Math.floor(millis / 3_600_000);
  const m = Math.floor((millis % 3_600_000) / 60_000);
  const s = Math.floor((millis % 60_000) / 1000);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(h)}:${pad(m)}:${pad(s)}.${pad(millis % 1000, 3)}`;
}
