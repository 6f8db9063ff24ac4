/**
 * `npm run bench`: every benchmark, each a ratio or a figure against a reference
 * measured in the same run. Sections can be chosen: BENCH=ingest,search.
 */
import { benchAccounts } from './accounts.ts';
import { benchApi } from './api.ts';
import { benchCalendar } from './calendar.ts';
import { benchCoverage } from './coverage.ts';
import { benchDictionary } from './dictionary.ts';
import { benchDictionaryBrowse } from './dictionary-browse.ts';
import { benchIngest } from './ingest.ts';
import { benchOai } from './oai.ts';
import { benchPdf } from './pdf.ts';
import { benchReader } from './reader.ts';
import { benchSearch } from './search.ts';
import { benchSite } from './site.ts';
import { benchUploads } from './uploads.ts';
import { benchVideo } from './video.ts';

const sections = { ingest: benchIngest, pdf: benchPdf, reader: benchReader, search: benchSearch, site: benchSite, video: benchVideo, api: benchApi, accounts: benchAccounts, uploads: benchUploads, oai: benchOai, calendar: benchCalendar, coverage: benchCoverage, dictionary: benchDictionary, 'dictionary-browse': benchDictionaryBrowse };
const chosen = (process.env.BENCH ?? Object.keys(sections).join(',')).split(',');

for (const name of chosen) {
  const bench = sections[name as keyof typeof sections] as (() => Promise<{ label: string; value: string }[]>) | undefined;
  if (!bench) throw new Error(`unknown bench section "${name}" (known: ${Object.keys(sections).join(', ')})`);
  console.log(`\n# ${name}`);
  for (const line of await bench()) console.log(`${line.label.padEnd(40)} ${line.value}`);
}
