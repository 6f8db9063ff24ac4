/**
 * Whether a form posted to a page comes from this site: the browser's `Sec-Fetch-Site`
 * when it sends one, else `Origin`, which must be the configured public address or the
 * address the request came to. (Astro's own check knows only the latter, which behind a
 * TLS-terminating proxy is `http://` while the browser says `https://`.) The API checks
 * the same headers again, with the CSRF token, before it changes anything.
 * @example isOwnForm('POST', new Headers({ 'sec-fetch-site': 'cross-site' }), 'http://site', 'https://disan.example') // false
 * @example isOwnForm('POST', new Headers({ origin: 'https://disan.example' }), 'http://site', 'https://disan.example') // true
 */
export function isOwnForm(method: string, headers: Headers, requestOrigin: string, publicBase: string): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return true;
  const site = headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin' || site === 'none';
  const origin = headers.get('origin');
  if (origin === null) return false;
  return origin === requestOrigin || origin === new URL(publicBase).origin;
}
