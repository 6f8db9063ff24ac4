import { CHAM } from '../keyboards/cham.ts';
import { isKhmerConsonant, KHMER_NIDA } from '../keyboards/khmer-nida.ts';
import { codePoints, LAYOUT_IDS, levelOf, type KeyboardLayout, type LayoutId } from '../keyboards/layout.ts';
import { deleteBackward, insert, subscriptPending, type TextState } from '../keyboards/typing.ts';
import type { KeyboardField } from './keyboard.ts';

/**
 * The on-screen keyboard's panel, loaded when a keyboard button is first pressed: one
 * panel per page, docked at the bottom of the screen like a phone's own keyboard, typing
 * into the field whose button opened it. Keys never take the focus from the field when
 * tapped or clicked (so the caret and selection stay), and are ordinary buttons for the
 * Tab key and screen readers. Shift and AltGr hold for one key, as on a phone.
 */
const LAYOUTS: Record<LayoutId, KeyboardLayout> = { 'khmer-nida': KHMER_NIDA, cham: CHAM };
const DOTTED_CIRCLE = '\u25CC';
const isMark = (text: string) => /^\p{M}/u.test(text);

interface Open {
  field: KeyboardField;
  toggle: HTMLButtonElement;
  inputMode: string;
}

let panel: HTMLElement | undefined;
let open: Open | undefined;
let layoutId: LayoutId = 'khmer-nida';
let shift = false;
let altgr = false;

const message = (settings: HTMLElement, name: string): string => settings.dataset[`msg${name}`] ?? '';

function stateOf(field: KeyboardField): TextState {
  const start = field.selectionStart ?? field.value.length;
  return { value: field.value, start, end: field.selectionEnd ?? start };
}

function apply(field: KeyboardField, next: TextState, inputType: string, data: string | null): void {
  field.value = next.value;
  field.setSelectionRange(next.start, next.end);
  // The live search and the editor's drafts listen for `input`, as for typing.
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

/** What a key shows: a combining sign on a dotted circle; after a coeng, a consonant as the subscript it will make. */
function keyLabel(text: string, subscript: boolean): string {
  if (subscript && isKhmerConsonant(text)) return `${DOTTED_CIRCLE}\u17D2${text}`;
  return isMark(text) ? `${DOTTED_CIRCLE}${text}` : text;
}

function control(label: string, className: string, testId: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = `kb-key ${className}`;
  button.textContent = label;
  button.dataset.testid = testId;
  // A tap or click keeps the focus (and so the caret) in the field; Tab and Enter still reach the button.
  button.addEventListener('mousedown', (event) => { event.preventDefault(); });
  return button;
}

function type(text: string): void {
  if (!open) return;
  apply(open.field, insert(stateOf(open.field), text), 'insertText', text);
  if (shift || altgr) {
    shift = false;
    altgr = false;
  }
  render();
}

function backspace(): void {
  if (!open) return;
  apply(open.field, deleteBackward(stateOf(open.field)), 'deleteContentBackward', null);
  render();
}

/** The keys of a layout, built once per layout shown; a level change relabels them in place, so a focused key keeps the focus. */
function buildKeys(grid: HTMLElement, layout: KeyboardLayout): void {
  grid.dataset.kbLayout = layout.id;
  grid.replaceChildren(
    ...layout.rows.map((row) => {
      const line = document.createElement('div');
      line.className = 'kb-row';
      for (const def of row) {
        const button = control('', 'kb-char', `key-${def.position}`);
        button.lang = layout.lang;
        button.dataset.position = def.position;
        button.addEventListener('click', () => {
          const text = button.dataset.text;
          if (text !== undefined && text !== '') type(text);
        });
        line.append(button);
      }
      return line;
    }),
  );
}

function renderKeys(grid: HTMLElement, layout: KeyboardLayout, settings: HTMLElement): void {
  if (grid.dataset.kbLayout !== layout.id) buildKeys(grid, layout);
  const level = levelOf(shift, altgr && layout.hasAltGr);
  const subscript = layout.id === 'khmer-nida' && open !== undefined && subscriptPending(stateOf(open.field));
  const defs = new Map(layout.rows.flat().map((def) => [def.position, def]));
  for (const button of grid.querySelectorAll<HTMLButtonElement>('button[data-position]')) {
    const text = defs.get(button.dataset.position ?? '')?.[level] ?? null;
    // A key without a character at this level keeps its place in the row, inert and unseen.
    button.disabled = text === null;
    button.classList.toggle('kb-none', text === null);
    button.dataset.text = text ?? '';
    button.textContent = text === null ? '' : keyLabel(text, subscript);
    if (text === null) {
      button.setAttribute('aria-hidden', 'true');
      button.removeAttribute('aria-label');
    } else {
      button.removeAttribute('aria-hidden');
      button.setAttribute('aria-label', `${text} ${codePoints(text).join(' ')}`);
    }
  }
  const status = panel?.querySelector<HTMLElement>('[data-kb-status]');
  const said = subscript ? message(settings, 'Subscript') : '';
  if (status && status.textContent !== said) status.textContent = said;
}

function render(): void {
  if (!panel) return;
  const settings = document.getElementById('keyboard-settings');
  if (!settings) return;
  const layout = LAYOUTS[layoutId];
  for (const button of panel.querySelectorAll<HTMLButtonElement>('[data-layout]')) button.setAttribute('aria-pressed', String(button.dataset.layout === layoutId));
  panel.querySelector('[data-kb-shift]')?.setAttribute('aria-pressed', String(shift));
  const altgrButton = panel.querySelector<HTMLButtonElement>('[data-kb-altgr]');
  if (altgrButton) {
    altgrButton.hidden = !layout.hasAltGr;
    altgrButton.setAttribute('aria-pressed', String(altgr && layout.hasAltGr));
  }
  const hint = panel.querySelector<HTMLElement>('[data-kb-font-hint]');
  if (hint) hint.hidden = layout.id !== 'cham';
  const grid = panel.querySelector<HTMLElement>('[data-kb-keys]');
  if (grid) renderKeys(grid, layout, settings);
}

function build(settings: HTMLElement): HTMLElement {
  const root = document.createElement('div');
  root.className = 'kb-panel';
  root.id = 'keyboard-panel';
  root.setAttribute('role', 'group');
  root.setAttribute('aria-label', message(settings, 'Panel'));
  root.dataset.testid = 'keyboard-panel';

  const top = document.createElement('div');
  top.className = 'kb-top';
  const layouts = document.createElement('div');
  layouts.setAttribute('role', 'group');
  layouts.setAttribute('aria-label', message(settings, 'Layout'));
  for (const id of LAYOUT_IDS) {
    const button = control(settings.dataset[id === 'cham' ? 'layoutCham' : 'layoutKhmerNida'] ?? id, 'kb-layout', `keyboard-layout-${id}`);
    button.dataset.layout = id;
    button.addEventListener('click', () => {
      layoutId = id;
      render();
    });
    layouts.append(button);
  }
  const close = control('×', 'kb-close', 'keyboard-close');
  close.setAttribute('aria-label', message(settings, 'Close'));
  close.addEventListener('click', () => { closePanel(true); });
  top.append(layouts, close);

  const hint = document.createElement('p');
  hint.className = 'kb-hint';
  hint.dataset.kbFontHint = '';
  hint.textContent = message(settings, 'ChamFont');

  const keys = document.createElement('div');
  keys.className = 'kb-keys';
  keys.dataset.kbKeys = '';

  const bottom = document.createElement('div');
  bottom.className = 'kb-row kb-controls';
  const shiftButton = control('⇧', 'kb-shift', 'keyboard-shift');
  shiftButton.dataset.kbShift = '';
  shiftButton.setAttribute('aria-label', message(settings, 'Shift'));
  shiftButton.addEventListener('click', () => {
    shift = !shift;
    render();
  });
  const altgrButton = control('AltGr', 'kb-altgr', 'keyboard-altgr');
  altgrButton.dataset.kbAltgr = '';
  altgrButton.setAttribute('aria-label', message(settings, 'Altgr'));
  altgrButton.addEventListener('click', () => {
    altgr = !altgr;
    render();
  });
  const space = control(message(settings, 'Space'), 'kb-space', 'keyboard-space');
  space.addEventListener('click', () => { type(' '); });
  const back = control('⌫', 'kb-back', 'keyboard-backspace');
  back.setAttribute('aria-label', message(settings, 'Backspace'));
  back.addEventListener('click', backspace);
  bottom.append(shiftButton, altgrButton, space, back);

  const status = document.createElement('p');
  status.className = 'visually-hidden';
  status.setAttribute('role', 'status');
  status.dataset.kbStatus = '';

  root.append(top, hint, keys, bottom, status);
  // The caret moved by a finger or by a physical keyboard: the subscript hints follow it.
  document.addEventListener('selectionchange', () => {
    if (open) render();
  });
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closePanel(true);
  });
  return root;
}

function closePanel(returnFocus: boolean): void {
  if (!open || !panel) return;
  const { field, toggle, inputMode } = open;
  const hadFocus = panel.contains(document.activeElement);
  panel.hidden = true;
  document.body.classList.remove('kb-open');
  toggle.setAttribute('aria-expanded', 'false');
  if (inputMode === '') field.removeAttribute('inputmode');
  else field.inputMode = inputMode;
  open = undefined;
  if (returnFocus && hadFocus) toggle.focus();
}

/** Opens the panel for `field` (or closes it, when it is already open for that field). */
export function togglePanel(field: KeyboardField, toggle: HTMLButtonElement, settings: HTMLElement): void {
  if (open?.field === field) {
    closePanel(false);
    return;
  }
  closePanel(false);
  if (!panel) {
    panel = build(settings);
    document.body.append(panel);
  }
  const wanted = field.dataset.keyboard;
  if (wanted === 'cham' || wanted === 'khmer-nida') layoutId = wanted;
  // The phone's own keyboard would cover this one: ask for none while it is open.
  open = { field, toggle, inputMode: field.getAttribute('inputmode') ?? '' };
  field.inputMode = 'none';
  toggle.setAttribute('aria-expanded', 'true');
  toggle.setAttribute('aria-controls', panel.id);
  panel.hidden = false;
  document.body.classList.add('kb-open');
  shift = false;
  altgr = false;
  render();
  keepInView(field, panel);
}

/** Scrolls the field above the docked panel, as a phone does for its own keyboard (the body has room below while it is open). */
function keepInView(field: KeyboardField, docked: HTMLElement): void {
  const margin = 8;
  const { top, bottom } = field.getBoundingClientRect();
  const panelTop = docked.getBoundingClientRect().top;
  if (bottom + margin > panelTop) window.scrollBy(0, bottom + margin - panelTop);
  else if (top < 0) window.scrollBy(0, top - margin);
}
