// Formatters bound to the current language and the signed-in user's time zone.
import { useTranslation } from 'react-i18next';
import { useMe } from './api/use-me';
import { formatDate, formatDateTime, formatNumber, zoneOfRegion } from './format';
import { isLocale } from './i18n';

export function useFormat() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const locale = isLocale(i18n.language) ? i18n.language : 'id';
  const zone = zoneOfRegion(me?.agency.regionCode);
  return {
    locale,
    zone,
    date: (value: string | null | undefined) => formatDate(value, locale),
    dateTime: (value: string | Date | null | undefined) => formatDateTime(value, locale, zone),
    number: (value: number) => formatNumber(value, locale),
  };
}
