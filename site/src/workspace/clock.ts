import { HTML_LANG, type Lang } from '../i18n/langs.ts';

/**
 * A time of day as the editor says it ("Saved at 10:41"), in the time of the archive's
 * region (Viet Nam and Cambodia share UTC+7); the browser's island says it in the device's.
 * @example clockTime('2026-12-02T03:41:00Z', 'en') // '10:41'
 */
export function clockTime(iso: string, lang: Lang, timeZone = 'Asia/Ho_Chi_Minh'): string {
  return new Intl.DateTimeFormat(HTML_LANG[lang], { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(iso));
}
