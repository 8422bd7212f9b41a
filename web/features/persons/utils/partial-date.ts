// Birth dates as documents know them: a whole date, a month or only a year. People type them the Indonesian way
// (12-03-1985, 03/1985, 1985); the API takes ISO 8601 (1985-03-12, 1985-03, 1985).

/** "12-03-1985" → "1985-03-12", "3/1985" → "1985-03", "1985" → "1985"; ISO input is kept; anything else is returned
 * trimmed, unchanged, so the contract's validation names the problem. */
export function toIsoPartialDate(text: string): string {
  const value = text.trim();
  if (/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) {
    return value;
  }
  const full = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{4})$/.exec(value);
  if (full) {
    return `${full[3]}-${full[2]?.padStart(2, '0')}-${full[1]?.padStart(2, '0')}`;
  }
  const month = /^(\d{1,2})[-./ ](\d{4})$/.exec(value);
  if (month) {
    return `${month[2]}-${month[1]?.padStart(2, '0')}`;
  }
  return value;
}

/** "1985-03-12" → "12-03-1985", "1985-03" → "03-1985": how the form shows a date it was given. */
export function toLocalPartialDate(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const [year, month, day] = iso.split('-');
  return [day, month, year].filter(Boolean).join('-');
}

/** A partial date for reading: "12 Mar 1985", "Maret 1985", "1985". */
export function formatPartialDate(iso: string | null | undefined, locale: 'id' | 'en'): string {
  if (!iso) {
    return '';
  }
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) {
    return iso;
  }
  const [, year, month, day] = match;
  const tag = locale === 'en' ? 'en-GB' : 'id-ID';
  if (!month) {
    return year ?? iso;
  }
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day ?? '1')));
  if (!day) {
    return new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
  }
  return new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}
