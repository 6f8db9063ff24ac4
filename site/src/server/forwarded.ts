/**
 * The X-Forwarded-For to send on: what came in, then the address that connected. The API
 * believes only the hops it trusts, read from the right, so a visitor cannot pose as another.
 * Shared by the proxy and the pages' API client (kept free of imports: Astro bundles it).
 * @example forwardedFor('1.2.3.4', '10.0.0.9') // '1.2.3.4, 10.0.0.9'
 */
export function forwardedFor(prior: string | undefined, remoteAddress: string | undefined): string | undefined {
  if (!remoteAddress) return prior;
  return prior ? `${prior}, ${remoteAddress}` : remoteAddress;
}

/**
 * The scheme visitors use, from the site's public address: behind a TLS proxy the site
 * itself is spoken to in plain HTTP, but the API must know the visitor is on https (it
 * sets the session cookie `Secure` only then).
 * @example schemeOf('https://heritage.example.org') // 'https'
 * @example schemeOf('http://127.0.0.1:4321') // 'http'
 */
export function schemeOf(publicBase: string): 'http' | 'https' {
  return publicBase.startsWith('https:') ? 'https' : 'http';
}
