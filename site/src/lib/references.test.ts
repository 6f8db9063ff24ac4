import { describe, expect, it } from 'vitest';
import { referenceHtml } from './references.ts';

describe('referenceHtml', () => {
  it.each([
    ['keeps a reference and its italics, without the divs around it', '<div class="csl-bib-body">\n  <div data-csl-entry-id="r" class="csl-entry">Lâm, S. (2024). <i>Báo cáo lễ hội</i>. Sở Văn hoá.</div>\n</div>', 'Lâm, S. (2024). <i>Báo cáo lễ hội</i>. Sở Văn hoá.'],
    ['keeps bold, superscript and subscript', 'a<b>b</b><sup>2</sup><sub>3</sub>', 'a<b>b</b><sup>2</sup><sub>3</sub>'],
    ['drops a tag with attributes, even a kept one', '<i onclick="alert(1)">x</i>', 'x'],
    ['drops a script tag and keeps its text inert', 'a<script>alert(1)</script>b', 'aalert(1)b'],
    ['escapes a stray bracket', 'x < y and <b', 'x &lt; y and &lt;b'],
    ['keeps entities citeproc wrote', 'Tom &#38; Jerry', 'Tom &#38; Jerry'],
    ['keeps Khmer and Chinese text', '<div>បុណ្យអកអំបុក 月亮节</div>', 'បុណ្យអកអំបុក 月亮节'],
    ['closes what it left open and drops a closing tag with nothing open', 'a</b><i>b<b>c', 'a<i>b<b>c</b></i>'],
    ['cannot be fooled by a marker character in the input', '\u0000i\u0001x', 'ix'],
  ])('%s', (_case, html, expected) => {
    expect(referenceHtml(html)).toBe(expected);
  });
});
