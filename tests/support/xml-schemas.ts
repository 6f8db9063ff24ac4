import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The schemas kept offline for the tests (see its README): OAI-PMH 2.0, oai_dc, oai-identifier, MARC21slim. */
export const XSD_DIR = '/work/shared/validators/xsd';

/**
 * Validates `xml` with Debian's xmllint against a schema of XSD_DIR (default the wrapper
 * that checks the OAI-PMH envelope and its oai_dc, oai-identifier and MARC21 payloads),
 * offline: the catalog maps every schema URL to its local copy. Returns xmllint's complaint, or '' when valid.
 */
export async function schemaErrors(xml: string, schema = 'oai-pmh-wrapper.xsd'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'disan-xsd-'));
  try {
    const file = join(dir, 'answer.xml');
    await writeFile(file, xml);
    await run('xmllint', ['--noout', '--nonet', '--schema', join(XSD_DIR, schema), file], { env: { ...process.env, XML_CATALOG_FILES: join(XSD_DIR, 'catalog.xml') } });
    return '';
  } catch (error) {
    return String((error as { stderr?: string }).stderr ?? error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
