/**
 * Writes the JSON Schema files other systems read (schemas/json/*.schema.json).
 * The TypeBox objects are JSON Schema already; this only names and stores them.
 *   npm run schemas:export
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportedSchemas } from '../src/exported.ts';

const folder = join(import.meta.dirname, '..', 'json');
await mkdir(folder, { recursive: true });
for (const [name, text] of Object.entries(exportedSchemas())) {
  await writeFile(join(folder, `${name}.schema.json`), text);
  console.log(`schemas/json/${name}.schema.json`);
}
