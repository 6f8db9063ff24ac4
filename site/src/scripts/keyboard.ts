/**
 * The on-screen keyboard's button: beside every text field marked `data-keyboard` (its
 * value may name the layout to open with: `khmer-nida` or `cham`), and beside the fields
 * of a `data-keyboard-fields="<selector>"` container that match its selector (rows the
 * editor adds later included). The panel's code and layouts are fetched only when a
 * button is first pressed, so a page pays a few hundred bytes until then.
 */
export type KeyboardField = HTMLInputElement | HTMLTextAreaElement;

const isField = (node: Element): node is KeyboardField =>
  (node instanceof HTMLInputElement && ['text', 'search'].includes(node.type)) || node instanceof HTMLTextAreaElement;

function matching(scope: Element | Document, selector: string): Element[] {
  try {
    return [...scope.querySelectorAll(selector)];
  } catch (cause) {
    throw new Error(`data-keyboard-fields="${selector}" is not a CSS selector`, { cause });
  }
}

/** The fields under `root` (a page, or what was just added to it) that ask for a keyboard. */
function fieldsIn(root: Element | Document): KeyboardField[] {
  const marked = 'input[data-keyboard], textarea[data-keyboard]';
  const found: Element[] = matching(root, marked);
  if (root instanceof Element && root.matches(marked)) found.push(root);
  for (const container of document.querySelectorAll<HTMLElement>('[data-keyboard-fields]')) {
    const selector = container.dataset.keyboardFields ?? '';
    if (selector === '') continue;
    if (!(root instanceof Element) || root.contains(container)) found.push(...matching(container, selector));
    else if (container.contains(root)) {
      found.push(...matching(root, selector));
      if (root.matches(selector)) found.push(root);
    }
  }
  return [...new Set(found)].filter(isField);
}

function attach(field: KeyboardField, settings: HTMLElement): void {
  if (field.dataset.keyboardButton !== undefined || field.readOnly || field.disabled) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'keyboard-toggle secondary';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', settings.dataset.msgOpen ?? '');
  button.dataset.testid = 'keyboard-toggle';
  const glyph = document.createElement('span');
  glyph.setAttribute('aria-hidden', 'true');
  glyph.textContent = '⌨';
  button.append(glyph);
  field.dataset.keyboardButton = '';
  field.after(button);
  button.addEventListener('click', () => {
    void import('./keyboard-panel.ts').then(({ togglePanel }) => { togglePanel(field, button, settings); });
  });
}

export function startKeyboards(): void {
  const settings = document.getElementById('keyboard-settings');
  if (!settings) return;
  const attachAll = (root: Element | Document) => {
    for (const field of fieldsIn(root)) attach(field, settings);
  };
  attachAll(document);
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) if (node instanceof Element) attachAll(node);
  }).observe(document.body, { childList: true, subtree: true });
}
