import { INTERFACE_LANGUAGES, LINK_PURPOSES } from '@disan/schemas';
import { describe, expect, it } from 'vitest';
import { linkMail, MAIL_TEXTS } from './texts.ts';

describe('link mails', () => {
  it('exist in every interface language, for every purpose, with every placeholder', () => {
    expect(Object.keys(MAIL_TEXTS).sort()).toEqual([...INTERFACE_LANGUAGES].sort());
    for (const language of INTERFACE_LANGUAGES) {
      for (const purpose of LINK_PURPOSES) {
        const mail = linkMail(language, purpose, { name: 'Ana', url: 'https://x/y', minutesLeft: 72 * 60 });
        expect(mail.text).toContain('Ana');
        expect(mail.text).toContain('https://x/y');
        expect(mail.text).toContain('72');
        expect(mail.text).not.toMatch(/\{\w+\}/);
      }
    }
  });
  it('says minutes for a short-lived link', () => {
    expect(linkMail('en', 'reset', { name: 'A', url: 'u', minutesLeft: 60 }).text).toContain('expires in 60 minutes');
  });
});
