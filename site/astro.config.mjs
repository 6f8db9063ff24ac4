// @ts-check
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';

// Server-rendered: every page reads the API at request time. The adapter builds a
// request handler (dist/server/entry.mjs); bin/serve.ts is the server around it, with
// the /api proxy, static files, compression and security headers.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'middleware' }),
  // Sessions are not used; without this the adapter would set up a filesystem store.
  session: false,
  // Pages use their own language prefixes (see src/i18n/paths.ts) rather than Astro's i18n routing.
  trailingSlash: 'ignore',
  build: {
    // External files keep the CSP to 'self' (no inline styles or scripts to hash).
    inlineStylesheets: 'never',
  },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
  // Posted forms are checked in src/middleware.ts against DISAN_PUBLIC_URL too (forms/origin.ts):
  // Astro's check compares with the address the request came to, which behind HTTPS termination is http://.
  security: { checkOrigin: false },
  devToolbar: { enabled: false },
});
