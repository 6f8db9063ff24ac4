/**
 * The record editor over a weak network. Every change is kept in the browser
 * (localStorage, keyed by record and the version the person started from), so a dropped
 * connection or a closed tab loses nothing: reopened, the editor brings the work back
 * with a notice and a "discard" button. Offline, "save" keeps the work on the device;
 * when the connection returns it is posted to the page as the form would be, with the
 * version it started from, so someone else's newer save leads to the conflict view.
 * "Add a row" copies the group's empty row in place, offline too.
 *
 * Without JavaScript none of this runs and the form posts as usual. No TypeBox here: the
 * server judges what is posted.
 */

const PREFIX = 'disan:draft:';
const LEFT_OUT = new Set(['csrf', 'intent', 'baseVersion']);
const TEMPLATE_INDEX = '9999';

type Fields = [string, string][];
interface Kept {
  record: string;
  base: number;
  keptAt: string;
  /** Kept while offline: to be saved as soon as the connection is back, without asking again. */
  waiting: boolean;
  fields: Fields;
}

const draftKey = (record: string, base: number): string => `${PREFIX}${record}:v${base}`;

function fieldsOf(form: HTMLFormElement): Fields {
  const fields: Fields = [];
  for (const [name, value] of new FormData(form)) if (!LEFT_OUT.has(name) && typeof value === 'string') fields.push([name, value]);
  return fields;
}

const same = (a: Fields, b: Fields): boolean => JSON.stringify(a) === JSON.stringify(b);

function keptDrafts(record: string): { key: string; kept: Kept }[] {
  const found: { key: string; kept: Kept }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key === null || !key.startsWith(`${PREFIX}${record}:`)) continue;
    try {
      found.push({ key, kept: JSON.parse(localStorage.getItem(key) ?? '') as Kept });
    } catch {
      localStorage.removeItem(key);
    }
  }
  return found.sort((a, b) => b.kept.keptAt.localeCompare(a.kept.keptAt));
}

/** The index in a row field's name, id or label: `title[2][lang]`, `f-title-2-lang`, `remove:title:2`. */
function renumber(row: Element, group: string, from: string, to: number): void {
  const swaps: [RegExp, string][] = [
    [new RegExp(`${group}\\[${from}\\]`, 'g'), `${group}[${to}]`],
    [new RegExp(`${group}-${from}-`, 'g'), `${group}-${to}-`],
    [new RegExp(`:${group}:${from}$`), `:${group}:${to}`],
    [new RegExp(`-${group}-${from}$`), `-${group}-${to}`],
  ];
  for (const element of [row, ...row.querySelectorAll('*')]) {
    for (const attribute of ['name', 'id', 'for', 'value', 'aria-describedby', 'data-testid']) {
      const old = element.getAttribute(attribute);
      if (old === null) continue;
      let next = old;
      for (const [pattern, replacement] of swaps) next = next.replace(pattern, replacement);
      if (next !== old) element.setAttribute(attribute, next);
    }
  }
  row.setAttribute('data-row', String(to));
  const remove = row.querySelector<HTMLButtonElement>('[data-remove-row]');
  const label = remove?.dataset.label;
  if (remove && label !== undefined) remove.textContent = label.replace('{n}', String(to + 1));
}

function rowsOf(form: HTMLFormElement, group: string): { box: HTMLElement; rows: HTMLElement[]; template: HTMLTemplateElement } | null {
  const fieldset = form.querySelector<HTMLElement>(`[data-group="${group}"]`);
  const box = fieldset?.querySelector<HTMLElement>('[data-rows]');
  const template = fieldset?.querySelector<HTMLTemplateElement>('template[data-row-template]');
  if (!box || !template) return null;
  return { box, rows: [...box.querySelectorAll<HTMLElement>(':scope > [data-row]')], template };
}

function addRow(form: HTMLFormElement, group: string): HTMLElement | null {
  const found = rowsOf(form, group);
  const copy = found?.template.content.firstElementChild?.cloneNode(true);
  if (!found || !(copy instanceof HTMLElement)) return null;
  renumber(copy, group, TEMPLATE_INDEX, found.rows.length);
  found.box.append(copy);
  return copy;
}

function removeRow(form: HTMLFormElement, group: string, index: number): void {
  const found = rowsOf(form, group);
  if (!found) return;
  found.rows[index]?.remove();
  found.rows.filter((_, i) => i > index).forEach((row, i) => { renumber(row, group, String(index + 1 + i), index + i); });
}

/** Puts kept values back: rows added or removed to match, then every field set. */
function restore(form: HTMLFormElement, fields: Fields): void {
  const needed = new Map<string, number>();
  for (const [name] of fields) {
    const match = /^(\w+)\[(\d+)\]\[/.exec(name);
    if (match) needed.set(match[1]!, Math.max(needed.get(match[1]!) ?? 0, Number(match[2]) + 1));
  }
  for (const fieldset of form.querySelectorAll<HTMLElement>('[data-group]')) {
    const group = fieldset.dataset.group ?? '';
    const want = needed.get(group) ?? 0;
    let have = rowsOf(form, group)?.rows.length ?? 0;
    while (have < want && addRow(form, group)) have++;
    while (have > want) removeRow(form, group, --have);
  }
  const values = new Map<string, string[]>();
  for (const [name, value] of fields) values.set(name, [...(values.get(name) ?? []), value]);
  for (const element of form.elements) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    if (element.name === '' || LEFT_OUT.has(element.name) || element.type === 'submit' || element.type === 'hidden') continue;
    const posted = values.get(element.name) ?? [];
    if (element instanceof HTMLInputElement && element.type === 'checkbox') element.checked = posted.includes(element.value);
    else element.value = posted[0] ?? '';
  }
}

function clock(date: Date, lang: string): string {
  return new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
}

export function startOfflineDrafts(): void {
  const found = document.querySelector<HTMLFormElement>('form[data-editor]');
  const box = document.querySelector<HTMLElement>('[data-save-status]');
  if (!found || !box) return;
  const form: HTMLFormElement = found;
  const statusText = box.querySelector<HTMLElement>('[data-status-text]');
  const restoredBox = box.querySelector<HTMLElement>('[data-restored]');
  const restoredText = box.querySelector<HTMLElement>('[data-restored-text]');
  const discard = box.querySelector<HTMLButtonElement>('[data-discard]');
  const messages = JSON.parse(box.dataset.messages ?? '{}') as Record<'savedAt' | 'unsaved' | 'offline' | 'saving' | 'restored', string>;
  const lang = document.documentElement.lang || 'vi';
  const record = form.dataset.record ?? 'new';
  const baseInput = form.querySelector<HTMLInputElement>('[data-base-version]');
  const base = (): number => Number(baseInput?.value ?? form.dataset.base ?? 0);
  const say = (text: string): void => {
    if (statusText) statusText.textContent = text;
  };
  let dirty = false;
  let saving = false;
  let waiting = false;

  const keep = (): void => {
    const kept: Kept = { record, base: base(), keptAt: new Date().toISOString(), waiting: !navigator.onLine, fields: fieldsOf(form) };
    for (const { key } of keptDrafts(record)) localStorage.removeItem(key);
    try {
      localStorage.setItem(draftKey(record, kept.base), JSON.stringify(kept));
    } catch {
      // A full storage: the form still posts; the status keeps saying what is not saved.
    }
    dirty = true;
    say(navigator.onLine ? messages.unsaved : messages.offline);
  };
  const forget = (): void => {
    for (const { key } of keptDrafts(record)) localStorage.removeItem(key);
    dirty = false;
  };

  // After a save this page just made, whatever was kept for the record is in it.
  const params = new URLSearchParams(location.search);
  if (params.get('done') === 'saved') {
    forget();
    // The address loses its "saved": reloading it later must not drop work typed since.
    params.delete('done');
    history.replaceState(history.state, '', `${location.pathname}${params.size > 0 ? `?${params.toString()}` : ''}${location.hash}`);
    const id = form.querySelector<HTMLInputElement>('[name="id"]')?.value;
    for (const { key, kept } of keptDrafts('new')) if (kept.fields.some(([n, v]) => n === 'id' && v === id)) localStorage.removeItem(key);
  } else {
    const newest = keptDrafts(record)[0];
    const pristine = form.dataset.pristine !== undefined;
    if (newest && !same(newest.kept.fields, fieldsOf(form))) {
      restore(form, newest.kept.fields);
      if (baseInput && newest.kept.base > 0) baseInput.value = String(newest.kept.base);
      dirty = true;
      waiting = newest.kept.waiting;
      if (restoredBox && restoredText) {
        restoredText.textContent = messages.restored.replace('{time}', clock(new Date(newest.kept.keptAt), lang));
        restoredBox.hidden = false;
      }
      say(navigator.onLine ? messages.unsaved : messages.offline);
    } else if (newest && pristine) forget();
    else if (!pristine) keep(); // a form the server sent back (errors, a row added) is unsaved work
  }

  discard?.addEventListener('click', () => {
    forget();
    location.replace(location.pathname);
  });

  form.addEventListener('input', keep);
  form.addEventListener('change', keep);

  form.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-add-row], button[data-remove-row]');
    if (!button) return;
    event.preventDefault();
    const [verb, group = '', index = '0'] = button.value.split(':');
    if (verb === 'add') addRow(form, group)?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    else removeRow(form, group, Number(index));
    keep();
  });

  async function saveNow(): Promise<void> {
    if (saving || !dirty) return;
    saving = true;
    say(messages.saving);
    const body = new FormData(form);
    body.set('intent', 'save');
    let response: Response;
    try {
      response = await fetch(form.action || location.href, { method: 'POST', body, credentials: 'same-origin' });
    } catch {
      saving = false;
      say(messages.offline);
      return;
    }
    saving = false;
    if (response.redirected && new URL(response.url).searchParams.get('done') === 'saved') {
      forget();
      const page = new DOMParser().parseFromString(await response.text(), 'text/html');
      const saved = page.querySelector<HTMLFormElement>('form[data-editor]');
      if (record === 'new' || saved?.dataset.record !== record) {
        location.assign(response.url);
        return;
      }
      if (baseInput && saved.dataset.base) baseInput.value = saved.dataset.base;
      form.dataset.base = saved.dataset.base;
      say(messages.savedAt.replace('{time}', clock(new Date(), lang)));
      if (restoredBox) restoredBox.hidden = true;
      return;
    }
    // Refused (mistakes to show beside their fields, or someone else saved first): the
    // page itself shows why, with what was typed; the work stays kept until then.
    await response.body?.cancel();
    form.requestSubmit(form.querySelector<HTMLButtonElement>('button[value="save"]') ?? undefined);
  }

  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    keep();
  });
  window.addEventListener('offline', () => {
    say(messages.offline);
  });
  window.addEventListener('online', () => {
    if (dirty) void saveNow();
  });
  if (waiting && navigator.onLine) void saveNow();
}
