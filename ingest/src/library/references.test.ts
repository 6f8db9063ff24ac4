import { describe, expect, it } from 'vitest';
import { formattedReferences, type CslItem } from './citations.ts';
import { createReferenceFormatter } from './references.ts';

const item: CslItem = { id: 'bao-cao', type: 'report', title: 'Báo cáo bảo tồn lễ hội Ok Om Bok', author: [{ family: 'Trần', given: 'Văn Bình' }], issued: { 'date-parts': [[2024]] }, number: '12/BC-SVHTTDL' };

describe('createReferenceFormatter', () => {
  it("formats in a worker thread what formattedReferences gives, while the caller's event loop keeps turning", { timeout: 120_000 }, async () => {
    const formatter = createReferenceFormatter();
    try {
      let turns = 0;
      const ticking = setInterval(() => turns++, 1);
      const references = await formatter.references(item, 'vi');
      clearInterval(ticking);
      // Done on this thread, citeproc's first use would hold the loop until it returned: no turn at all.
      expect(turns).toBeGreaterThan(0);
      expect(references).toEqual(formattedReferences(item, 'vi'));
      expect(references.map((r) => r.style)).toEqual(['apa', 'chicago', 'vancouver', 'harvard1']);
      expect(references[1]!.text).toContain('12/BC-SVHTTDL');
    } finally {
      await formatter.close();
    }
  });
});
