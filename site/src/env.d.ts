/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The site's client of the records, made by the middleware per request, speaking as the visitor. */
    api: import('./api/client.ts').ApiClient;
    /** The visitor's transport, for the workspace clients each page makes (`editorClient(Astro.locals.transport)`). */
    transport: import('./api/transport.ts').Transport;
    /** The account routes, as the visitor (their session cookie; their form's CSRF token once read). */
    accounts: import('./api/account-client.ts').AccountClient;
    /** A record's files and the sheets of the workspace (issue 12), as the visitor. */
    media: import('./api/media-client.ts').MediaClient;
    /** What the middleware forwards for the visitor; a form sets `csrfToken` from its hidden field. */
    visitor: import('./api/transport.ts').Visitor;
    /** The signed-in account, learnt once per request; null for the public. */
    account: import('@disan/schemas').Account | null;
    /** The session's CSRF token for the forms of this page; null for the public. */
    csrfToken: string | null;
    /** Absolute base of public URLs (DISAN_PUBLIC_URL, or the request's origin). */
    publicBase: string;
  }
}
