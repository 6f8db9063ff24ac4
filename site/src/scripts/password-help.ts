import { passwordStrength, STRENGTH_BITS, type StrengthLevel } from '../people/strength.ts';

/**
 * Help while choosing or typing a password, over forms that work without it: a "show
 * password" toggle on every password field (ASVS 2.1.12) and a strength meter under each
 * new password (2.1.8). Nothing here blocks paste or password managers (2.1.11): the
 * fields stay plain inputs with their autocomplete tokens.
 */
export function startPasswordHelp(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-password-toggle]')) wireToggle(button);
  for (const box of document.querySelectorAll<HTMLElement>('[data-password-strength]')) wireStrength(box);
}

function inputById(id: string | null | undefined): HTMLInputElement | null {
  const input = id ? document.getElementById(id) : null;
  return input instanceof HTMLInputElement ? input : null;
}

function wireToggle(button: HTMLButtonElement): void {
  const input = inputById(button.getAttribute('aria-controls'));
  if (!input || button.dataset.wired) return;
  button.dataset.wired = 'true';
  const show = (shown: boolean): void => {
    input.type = shown ? 'text' : 'password';
    button.setAttribute('aria-pressed', String(shown));
  };
  button.addEventListener('click', () => { show(button.getAttribute('aria-pressed') !== 'true'); });
  // Sent as a password field, so password managers offer to save it and nothing keeps it shown.
  input.form?.addEventListener('submit', () => { show(false); });
  button.hidden = false;
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function wireStrength(box: HTMLElement): void {
  const input = inputById(box.dataset.passwordStrength);
  const meter = box.querySelector('meter');
  const count = box.querySelector<HTMLElement>('[data-strength-count]');
  const level = box.querySelector<HTMLElement>('[data-strength-level]');
  if (!input || !meter || !count || !level) return;
  let messages: Record<string, string>;
  try {
    messages = JSON.parse(box.dataset.messages ?? '{}') as Record<string, string>;
  } catch {
    return;
  }
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  let shown: StrengthLevel | null = null;
  const update = (): void => {
    const strength = passwordStrength(input.value);
    meter.value = Math.min(strength.bits, STRENGTH_BITS.max);
    count.textContent = fill(strength.level === 'tooLong' ? messages.countTooLong ?? '' : messages.count ?? '', { count: numbers.format(strength.length) });
    const next: StrengthLevel | null = input.value === '' ? null : strength.level;
    // Only a change is written to the live region, so a screen reader says it once.
    if (next !== shown) level.textContent = next === null ? '' : (messages[next] ?? '');
    shown = next;
  };
  input.addEventListener('input', update);
  update();
  box.hidden = false;
}
