/** Tags a formatted reference keeps: the emphasis styles put on titles and volumes. */
const KEPT_TAG = /<(\/?)(i|b|sup|sub)>/giu;
/** A kept tag while the rest is cleaned: NUL, "/" or nothing, the name, SOH (never in the input). */
const MARKER = /\u0000(\/?)(i|b|sup|sub)\u0001/u;

/**
 * citeproc's HTML of one reference reduced to its text and emphasis: `<i>`, `<b>`, `<sup>`
 * and `<sub>` without attributes stay; every other tag (its `csl-bib-body` and `csl-entry`
 * divs, small-caps spans) goes, and any `<` or `>` left is escaped. citeproc escapes the
 * record's values already; this keeps the page safe even if an answer were not.
 * @example referenceHtml('<div class="csl-entry">Lâm, S. (2024). <i>Báo cáo</i>.</div>') // 'Lâm, S. (2024). <i>Báo cáo</i>.'
 * @example referenceHtml('<i onclick="x">a</i><script>b</script>') // 'ab'
 */
export function referenceHtml(html: string): string {
  const cleaned = html
    .replace(/[\u0000\u0001]/gu, '')
    .replace(KEPT_TAG, (_tag, slash: string, name: string) => `\u0000${slash}${name.toLowerCase()}\u0001`)
    .replace(/<[^<>]*>/gu, '')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;')
    .replace(/\s+/gu, ' ')
    .trim();
  return balanced(cleaned);
}

/**
 * The kept tags written back, balanced: a closing tag that closes nothing open is dropped and
 * a tag left open is closed at the end, so emphasis never runs past the reference.
 */
function balanced(text: string): string {
  const open: string[] = [];
  let out = '';
  let rest = text;
  for (let match = MARKER.exec(rest); match; match = MARKER.exec(rest)) {
    out += rest.slice(0, match.index);
    rest = rest.slice(match.index + match[0].length);
    const [, slash, name = ''] = match;
    if (slash === '') {
      open.push(name);
      out += `<${name}>`;
    } else if (open.at(-1) === name) {
      open.pop();
      out += `</${name}>`;
    }
  }
  return out + rest + open.reverse().map((name) => `</${name}>`).join('');
}
