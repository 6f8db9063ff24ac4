/**
 * The language of a piece of archive text that comes without one (a media caption, an
 * agent's name), guessed from its letters so screen readers pick the right voice:
 * Khmer script, Han characters, Vietnamese letters (ă â đ ê ô ơ ư and the tone marks of
 * Latin Extended Additional). Plain ASCII Latin is English only where told (captions are
 * written in English or Vietnamese; a name in plain Latin can be of any people).
 * A guess, until the catalog records each caption's language.
 * @example guessTextLang('Water lanterns on the lake at night', { plainLatin: 'en' }) // 'en'
 * @example guessTextLang('Đèn nước trên hồ') // 'vi'
 * @example guessTextLang('Sok Chea') // undefined
 */
export function guessTextLang(text: string, options: { plainLatin?: string } = {}): string | undefined {
  if (/[\u1780-\u17FF]/.test(text)) return 'km';
  if (/[\u3400-\u4DBF\u4E00-\u9FFF]/.test(text)) return 'zh';
  if (/[ăâđêôơưĂÂĐÊÔƠƯ\u1EA0-\u1EF9]/.test(text)) return 'vi';
  if (/[A-Za-z]/.test(text) && /^[\x20-\x7E\s]*$/.test(text)) return options.plainLatin;
  return undefined;
}

/** A caption's language: the medium's own when the catalog knows it, else a guess (English for plain Latin). */
export function captionLang(caption: string): string | undefined {
  return guessTextLang(caption, { plainLatin: 'en' });
}
