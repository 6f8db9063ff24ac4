/**
 * The island's strings: the page writes its dictionary's `uploads.*` and `import.*`
 * entries into a data attribute (the browser gets no dictionary module), filled here as
 * the server fills them, numbers formatted for the page's language.
 */
export interface Messages {
  t: (id: string, values?: Record<string, string | number>) => string;
}

export function readMessages(root: HTMLElement): Messages {
  let table: Record<string, string> = {};
  try {
    table = JSON.parse(root.dataset.messages ?? '{}') as Record<string, string>;
  } catch {
    table = {};
  }
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  return {
    t: (id, values) =>
      (table[id] ?? id).replace(/\{(\w+)\}/g, (whole, name: string) => {
        const value = values?.[name];
        if (value === undefined) return whole;
        return typeof value === 'number' ? numbers.format(value) : value;
      }),
  };
}
