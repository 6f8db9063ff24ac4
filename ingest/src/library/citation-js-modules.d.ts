// citation-js 0.8 ships JavaScript without declarations; these describe what citations.ts uses.
declare module '@citation-js/core' {
  export interface CiteFormatOptions {
    format?: 'text' | 'html' | 'string' | 'object';
    template?: string;
    lang?: string;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: string, options?: CiteFormatOptions): string;
  }
  export const plugins: {
    config: { get(name: '@bibtex'): { format: { asciiOnly: boolean } } };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
