import { ADMIN_EVENTS, NOTICE_TEXTS, REMINDER_EVENTS, type Notice } from './notice-texts.ts';

/**
 * Subject and body of a security notice in the holder's language (Vietnamese, the
 * archive's first, for an unknown one): what happened, when in UTC, from which address
 * when known, and what to do if it was not them (or, for a reminder, what to do next).
 * @example noticeMail('en', 'Ana', { event: 'password-changed', at: '2026-06-01T08:00:00.000Z', address: '192.0.2.7' })
 */
export function noticeMail(language: string, name: string, notice: Notice): { subject: string; text: string } {
  const texts = language in NOTICE_TEXTS ? NOTICE_TEXTS[language as keyof typeof NOTICE_TEXTS] : NOTICE_TEXTS.vi;
  const format = (iso: string) => new Intl.DateTimeFormat(texts.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' }).format(new Date(iso));
  const time = format(notice.at);
  const list = (roles: readonly (keyof typeof texts.roles)[]) => (roles.length === 0 ? texts.none : roles.map((role) => texts.roles[role]).join(texts.listSeparator));
  const values: Record<string, string> = { name, time, address: notice.address ?? '' };
  if (notice.event === 'token-created') Object.assign(values, { tokenName: notice.tokenName, scope: texts.scopes[notice.scope] });
  if (notice.event === 'token-expiring') Object.assign(values, { tokenName: notice.tokenName, expires: format(notice.expiresAt) });
  if (notice.event === 'roles-changed') Object.assign(values, { added: list(notice.added), removed: list(notice.removed) });
  // One pass over the template, so a value that happens to contain "{name}" (a token's name) is never filled in again.
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);

  const event = texts.events[notice.event];
  const lines = [
    fill(texts.greeting),
    '',
    fill(event.body),
    '',
    fill(texts.when),
    ...(notice.address === undefined ? [] : [fill(texts.from)]),
    '',
    ADMIN_EVENTS.has(notice.event) ? texts.adviceAdmin : REMINDER_EVENTS.has(notice.event) ? texts.adviceReminder : texts.adviceSelf,
  ];
  return { subject: event.subject, text: `${lines.join('\n')}\n` };
}
