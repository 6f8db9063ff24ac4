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
