import { ACCOUNT_ROLE_NAMES, INTERFACE_LANGUAGES, TOKEN_SCOPES } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { NOTICE_EVENTS, NOTICE_TEXTS, type NoticeEvent, type NoticeFacts } from './notice-texts.ts';
import { noticeMail } from './notices.ts';

const AT = '2026-06-01T08:05:00.000Z';
const facts = (event: NoticeEvent): NoticeFacts => {
  if (event === 'token-created') return { event, tokenName: 'harvester', scope: 'write' };
  if (event === 'token-expiring') return { event, tokenName: 'harvester', expiresAt: '2026-06-08T09:30:00.000Z' };
  if (event === 'roles-changed') return { event, added: ['archivist', 'reviewer'], removed: ['researcher'] };
  return { event };
};
/** Each language's own script: a text left in English (or pasted from another language) shows. */
const SCRIPT: Record<string, RegExp> = { vi: /[ạảãàáâậầấẩẫăắằặẳẵđêệếềểễôộốồổỗơớờợởỡưứừựửữ]/i, en: /^[\x20-\x7e\n“”]*$/, km: /[\u1780-\u17ff]/, zh: /[\u4e00-\u9fff]/ };

describe('security notices', () => {
  it('have every event, role, scope and line in every interface language, each its own', () => {
    expect(Object.keys(NOTICE_TEXTS).sort()).toEqual([...INTERFACE_LANGUAGES].sort());
    for (const language of INTERFACE_LANGUAGES) {
      const texts = NOTICE_TEXTS[language];
      expect(Object.keys(texts.events).sort()).toEqual([...NOTICE_EVENTS].sort());
      expect(Object.keys(texts.roles).sort()).toEqual([...ACCOUNT_ROLE_NAMES].sort());
      expect(Object.keys(texts.scopes).sort()).toEqual([...TOKEN_SCOPES].sort());
      for (const text of [texts.greeting, texts.when, texts.from, texts.adviceSelf, texts.adviceAdmin, texts.adviceReminder, texts.none, ...Object.values(texts.roles), ...Object.values(texts.scopes)]) {
        expect(text.trim()).not.toBe('');
      }
      for (const event of NOTICE_EVENTS) {
        expect(texts.events[event].subject, `${language} ${event}`).toMatch(SCRIPT[language]!);
        expect(texts.events[event].body, `${language} ${event}`).toMatch(SCRIPT[language]!);
        if (language !== 'en') expect(texts.events[event].body).not.toBe(NOTICE_TEXTS.en.events[event].body);
      }
    }
  });

  it.each(INTERFACE_LANGUAGES.flatMap((language) => NOTICE_EVENTS.map((event) => [language, event] as const)))('%s %s: says who, what, when, from where, and what to do', (language, event) => {
    const texts = NOTICE_TEXTS[language];
    const mail = noticeMail(language, 'Ana', { ...facts(event), at: AT, address: '192.0.2.7' });
    expect(mail.subject).toBe(texts.events[event].subject);
    expect(mail.text).toContain('Ana');
    expect(mail.text).toContain('192.0.2.7');
    expect(mail.text).toMatch(/08:05/);
    expect(mail.text).toContain('2026');
    expect(mail.text).toContain('UTC');
    const byAdmin = event === 'account-disabled' || event === 'account-enabled' || event === 'roles-changed';
    const advice = byAdmin ? texts.adviceAdmin : event === 'token-expiring' ? texts.adviceReminder : texts.adviceSelf;
    expect(mail.text.endsWith(`${advice}\n`)).toBe(true);
    expect(mail.text).not.toMatch(/\{\w+\}/);
    if (event === 'token-created') {
      expect(mail.text).toContain('harvester');
      expect(mail.text).toContain(texts.scopes.write);
    }
    if (event === 'token-expiring') {
      expect(mail.text).toContain('harvester');
      expect(mail.text).toMatch(/09:30/);
    }
    if (event === 'roles-changed') {
      expect(mail.text).toContain(`${texts.roles.archivist}${texts.listSeparator}${texts.roles.reviewer}`);
      expect(mail.text).toContain(texts.roles.researcher);
    }
  });

  it('leaves the address out when it is unknown, and says none for an empty role list', () => {
    const mail = noticeMail('en', 'Ana', { event: 'roles-changed', added: ['admin'], removed: [], at: AT });
    expect(mail.text).not.toContain('IP address');
    expect(mail.text).toContain('Added: administrator\nRemoved: none');
  });

  it('formats the time in the account\'s language and falls back to Vietnamese for an unknown one', () => {
    expect(noticeMail('en', 'A', { event: 'password-changed', at: AT }).text).toContain('When: June 1, 2026 at 08:05 (UTC)');
    expect(noticeMail('xx', 'A', { event: 'password-changed', at: AT }).subject).toBe(NOTICE_TEXTS.vi.events['password-changed'].subject);
  });

  it('never fills a placeholder found inside a value', () => {
    const mail = noticeMail('en', '{address}', { event: 'token-created', tokenName: '{name}', scope: 'read', at: AT });
    expect(mail.text).toContain('Hello {address},');
    expect(mail.text).toContain('named "{name}"');
  });
});
