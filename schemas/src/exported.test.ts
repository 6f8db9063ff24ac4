import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportedSchemas } from './exported.ts';

describe('exported JSON Schema files', () => {
  it.each(Object.entries(exportedSchemas()))('schemas/json/%s.schema.json is up to date (run npm run schemas:export)', async (name, text) => {
    const committed = await readFile(join(import.meta.dirname, '..', 'json', `${name}.schema.json`), 'utf8');
    expect(committed).toBe(text);
  });
});
