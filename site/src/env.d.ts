/// <reference types="astro/client" />

declare namespace App {
  interface Locals {
    /** The site's one API client, made by the middleware from the site configuration. */
    api: import('./api/client.ts').ApiClient;
    /** Absolute base of public URLs (DISAN_PUBLIC_URL, or the request's origin). */
    publicBase: string;
  }
}
