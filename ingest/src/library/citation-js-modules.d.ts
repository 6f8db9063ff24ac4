// citation-js 0.8 ships JavaScript without declarations; these describe what citations.ts uses.
declare module '@citation-js/core' {
  export interface CiteFormatOptions {
    format?: 'text' | 'html' | 'string' | 'object';
    template?: string;
    lang?: string;
  }
  /** citation-js's util.Register: the plugin's styles and locales, by name, as CSL XML text. */
  export interface CslRegister {
    add(name: string, xml: string): void;
    has(name: string): boolean;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: Record<string, unknown>[];
    format(format: string, options?: CiteFormatOptions): string;
  }
  export const plugins: {
    config: {
      get(name: '@bibtex'): { format: { asciiOnly: boolean } };
      get(name: '@csl'): { styles: CslRegister; locales: CslRegister };
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
