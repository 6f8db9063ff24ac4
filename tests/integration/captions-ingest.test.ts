import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Media } from '@disan/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Archive, ingest } from '@disan/ingest';
import { parseWebVtt } from '../../ingest/src/media/webvtt.ts';
import { clock, fitCaptionsToRecording } from '../../ingest/src/processing/captions-fit.ts';
import type { IngestReport } from '../../ingest/src/registration/files.ts';
import { temporaryArchive } from '../support/archive.ts';

const HEADER = 'file,identifier,kind,ethnic_groups,title_vi,languages';
const CAPTIONS = `\uFEFFWEBVTT

NOTE chỉ người biên tập thấy

00:00.000 --> 00:04.000
<v Người dẫn>Đua ghe ngo trên sông <i>Maspero</i>

00:01:30.000 --> 00:01:34.500 align:start
<v Bình luận viên>Ghe Kantrum về đích!
`;

/** Caption files through `disan ingest`: detection, validation, cue passages linked to the recording, the clean rendition. */
describe('captions through the job pipeline', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  let report: IngestReport;
  const media = async (itemId: string, kind: Media['kind']) => (await archive.catalog.media.listForItem(itemId)).filter((m) => m.kind === kind);

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-captions-'));
    await mkdir(join(folder, 'av'));
    // As long as the captions (95 s) so that they fit it; one frame a second keeps it cheap.
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x120:rate=1', '-t', '95', '-pix_fmt', 'yuv420p', join(folder, 'av', 'clip.mp4')]);
    await writeFile(join(folder, 'av', 'clip.vi.vtt'), CAPTIONS);
    // A second caption file whose name matches no recording: linked to the item's only one, language from the item.
    await writeFile(join(folder, 'av', 'loi-binh.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nសួស្តី\n');
    await mkdir(join(folder, 'bad'));
    await writeFile(join(folder, 'bad', 'nguoc.vtt'), 'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nđúng\n\n00:00:09.000 --> 00:00:05.000\nngược\n');
    await writeFile(join(folder, 'bad', 'srt.vtt'), 'WEBVTT\n\n1\n00:00:01,000 --> 00:00:02,000\nkiểu SRT\n');
    await writeFile(join(folder, 'bad', 'latin1.vtt'), Buffer.concat([Buffer.from('WEBVTT\n\n00:01.000 --> 00:02.000\ncaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await writeFile(join(folder, 'bad', 'khong-tieu-de.vtt'), '00:01.000 --> 00:02.000\nkhông có WEBVTT\n');
    await writeFile(join(folder, 'metadata.csv'), `${HEADER}\nav/clip.mp4,dua-ghe,performance,khmer,Đua ghe,km\nav/clip.vi.vtt,dua-ghe,,,,\nav/loi-binh.vtt,dua-ghe,,,,\n`);
    report = await ingest(archive, { inputs: [folder] });
  }, 120_000);

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['bad/nguoc.vtt', 'WebVTT line 6: the cue ends (00:00:05.000) before or when it starts (00:00:09.000)'],
    ['bad/srt.vtt', 'WebVTT line 4: "00:00:01,000" is not a timestamp (hh:mm:ss.ttt or mm:ss.ttt)'],
    ['bad/latin1.vtt', 'the caption file is not valid UTF-8 (WebVTT must be UTF-8): save it again as UTF-8'],
    ['bad/khong-tieu-de.vtt', 'not a media file: the content is plain text'],
  ])('refuses %s with the reason in the ingest report', (file, reason) => {
    expect(report.failures.find((f) => f.file === file)?.reason).toBe(reason);
  });

  it('ingests the recording and both caption files as captions media of the item', async () => {
    expect(report.failures).toHaveLength(4);
    expect(report.outcomes.ingested).toBe(3);
    expect(report.warnings).toEqual([]);
    const captions = await media('dua-ghe', 'captions');
    expect(captions.map((m) => [m.originalName, m.mimeType, m.status])).toEqual([
      ['av/clip.vi.vtt', 'text/vtt', 'ready'],
      ['av/loi-binh.vtt', 'text/vtt', 'ready'],
    ]);
  });

  it('stores one passage per cue with its times, the language of the file name and the recording it belongs to', async () => {
    const [recording] = await media('dua-ghe', 'video');
    const [captions] = await media('dua-ghe', 'captions');
    const passages = await archive.catalog.texts.listForMedia(captions!.id);
    expect(passages).toEqual([
      { mediaId: captions!.id, itemId: 'dua-ghe', seq: 0, source: 'captions', startSeconds: 0, endSeconds: 4, recordingId: recording!.id, lang: 'vi', text: 'Đua ghe ngo trên sông Maspero' },
      { mediaId: captions!.id, itemId: 'dua-ghe', seq: 1, source: 'captions', startSeconds: 90, endSeconds: 94.5, recordingId: recording!.id, lang: 'vi', text: 'Ghe Kantrum về đích!' },
    ]);
    expect(captions!.technical).toMatchObject({ cues: 2, lang: 'vi', recordingId: recording!.id });
  });

  it("links a caption file with another name to the item's only recording, in the item's language", async () => {
    const [recording] = await media('dua-ghe', 'video');
    const [, other] = await media('dua-ghe', 'captions');
    expect(await archive.catalog.texts.listForMedia(other!.id)).toMatchObject([{ text: 'សួស្តី', lang: 'km', recordingId: recording!.id, startSeconds: 1 }]);
  });

  it('keeps the upload as the original and serves a clean re-serialised copy without notes', async () => {
    const [captions] = await media('dua-ghe', 'captions');
    const read = async (key: string) => {
      const chunks: Buffer[] = [];
      for await (const chunk of (await archive.storage.get(key)).body) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    };
    expect(await read(captions!.originalKey)).toBe(CAPTIONS);
    const rendition = captions!.derivatives.find((d) => d.name === 'vtt')!;
    expect(rendition.mimeType).toBe('text/vtt');
    const clean = await read(rendition.key);
    expect(clean).not.toContain('NOTE');
    expect(clean).toContain('00:01:30.000 --> 00:01:34.500 align:start');
    expect(parseWebVtt(clean).cues.map((c) => c.text)).toEqual(['Đua ghe ngo trên sông Maspero', 'Ghe Kantrum về đích!']);
  });

  it('a second run skips what is done and leaves the passages as they were', async () => {
    const [captions] = await media('dua-ghe', 'captions');
    const before = await archive.catalog.texts.listForMedia(captions!.id);
    const again = await ingest(archive, { inputs: [folder] });
    expect(again.outcomes).toMatchObject({ ingested: 0, skipped: 3, failed: 4 });
    expect(await archive.catalog.texts.listForMedia(captions!.id)).toEqual(before);
  });
});

/**
 * Captions made for a longer cut than their recording: the cues past its end are
 * clamped (or left out of search) and `disan ingest` says so, whichever of the two
 * files is processed first.
 */
describe('captions that outlast their recording', () => {
  let archive: Archive;
  let dispose: () => Promise<void>;
  let folder: string;
  // The recording lasts 2 s: "hai" ends after it, "ba" starts after it (beyond the 0.5 s tolerance).
  const LONG = 'WEBVTT\n\n00:00.000 --> 00:01.000\nmột\n\n00:01.500 --> 00:03.000\nhai\n\n00:02.800 --> 00:04.000\nba\n';

  /** One item per scenario, its files in folders ingested one run each, in the order given. */
  async function ingestInOrder(itemId: string, runs: ('clip.mp4' | 'clip.vi.vtt')[][]): Promise<IngestReport[]> {
    const reports: IngestReport[] = [];
    for (const [index, files] of runs.entries()) {
      const dir = join(folder, itemId, String(index));
      await mkdir(dir, { recursive: true });
      for (const file of files) {
        if (file.endsWith('.vtt')) await writeFile(join(dir, file), LONG);
        else await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '2', '-pix_fmt', 'yuv420p', join(dir, file)]);
      }
      await writeFile(join(dir, 'metadata.csv'), `${HEADER}\n${files.map((f) => `${f},${itemId},performance,khmer,Trễ,km`).join('\n')}\n`);
      reports.push(await ingest(archive, { inputs: [dir] }));
    }
    return reports;
  }

  async function captionsOf(itemId: string) {
    const siblings = await archive.catalog.media.listForItem(itemId);
    const recording = siblings.find((m) => m.kind === 'video')!;
    const captions = siblings.find((m) => m.kind === 'captions')!;
    return { recording, captions, passages: await archive.catalog.texts.listForMedia(captions.id) };
  }

  beforeAll(async () => {
    ({ archive, dispose } = await temporaryArchive());
    folder = await mkdtemp(join(tmpdir(), 'disan-captions-long-'));
  });

  afterAll(async () => {
    await dispose();
    await rm(folder, { recursive: true, force: true });
  });

  it.each([
    ['in one run', 'cung-luc', [['clip.mp4', 'clip.vi.vtt']]],
    ['recording first', 'phim-truoc', [['clip.mp4'], ['clip.vi.vtt']]],
    ['captions first', 'phu-de-truoc', [['clip.vi.vtt'], ['clip.mp4']]],
  ] as const)('%s: clamps the cues past the end, leaves out those starting after it, and reports it', async (_, itemId, runs) => {
    const reports = await ingestInOrder(itemId, runs.map((files) => [...files]));
    const { recording, captions, passages } = await captionsOf(itemId);
    const end = recording.durationSeconds!;
    expect(end).toBeGreaterThan(1.5);
    expect(end).toBeLessThan(2.3);
    expect(passages.map((p) => [p.seq, p.text, p.startSeconds, p.endSeconds, p.recordingId])).toEqual([
      [0, 'một', 0, 1, recording.id],
      [1, 'hai', 1.5, end, recording.id],
    ]);
    const warning = `the captions run to 0:04 but the recording lasts ${clock(end)}: 1 cue ends after it (clamped), 1 starts after it (left out of search)`;
    expect(captions.technical).toMatchObject({ cues: 3, warning, fittedTo: end });
    for (const report of reports) expect(report.failures).toEqual([]);
    expect(reports.at(-1)!.warnings).toEqual([{ file: expect.stringMatching(/clip\.vi\.vtt$/) as string, warning }]);
  }, 60_000);

  it('disan ingest prints the warning under "Warnings:" and still exits 0', async () => {
    const dir = join(folder, 'cli');
    await mkdir(dir);
    await promisify(execFile)('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=64x48:rate=5', '-t', '2', '-pix_fmt', 'yuv420p', join(dir, 'clip.mp4')]);
    await writeFile(join(dir, 'clip.vi.vtt'), LONG);
    await writeFile(join(dir, 'metadata.csv'), `${HEADER}\nclip.mp4,cli,performance,khmer,Trễ,km\nclip.vi.vtt,cli,,,,\n`);
    const bin = join(import.meta.dirname, '..', '..', 'ingest', 'bin', 'disan.js');
    const { stdout } = await promisify(execFile)(process.execPath, ['--no-warnings', bin, 'ingest', dir], { env: { ...process.env, DISAN_DATA_DIR: join(folder, 'cli-data') } });
    expect(stdout).toMatch(/\nWarnings:\n {2}clip\.vi\.vtt: the captions run to 0:04 but the recording lasts 0:02(\.\d)?: 1 cue ends after it \(clamped\), 1 starts after it \(left out of search\)\n/);
  }, 60_000);
});

describe("the sample film's captions", () => {
  it('end within the film', async () => {
    const film = join(import.meta.dirname, '../../media-samples/khmer/ok-om-bok-dua-ghe');
    const { stdout } = await promisify(execFile)('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', `${film}.mp4`]);
    const cues = parseWebVtt(await readFile(`${film}.vi.vtt`, 'utf8')).cues;
    const passages = cues.map((cue, seq) => ({ mediaId: 'm', itemId: 'i', seq, source: 'captions' as const, startSeconds: cue.startSeconds, endSeconds: cue.endSeconds, text: cue.text }));
    expect(fitCaptionsToRecording(passages, Number(stdout)).warning).toBeUndefined();
    expect(cues.find((cue) => cue.text.includes('Kantrum'))?.startSeconds).toBe(90);
  });
});
