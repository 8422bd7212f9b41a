// Switching the language: at once on screen, in this browser, and for the signed-in user on the server.
import { useTranslation } from 'react-i18next';
import type { Locale } from '../../contracts/common';
import { useMe } from './api/use-me';
import { useUpdateLocale } from './api/use-update-locale';
import { isLocale, rememberChoiceBeforeSignIn, rememberLocale } from './i18n';

export function useLanguage() {
  const { i18n } = useTranslation();
  const { data: me } = useMe();
  const updateLocale = useUpdateLocale();
  const language: Locale = isLocale(i18n.language) ? i18n.language : 'id';

  const setLanguage = (locale: Locale) => {
    rememberLocale(locale);
    void i18n.changeLanguage(locale);
    if (!me) {
      rememberChoiceBeforeSignIn(locale);
    } else if (me.locale !== locale) {
      updateLocale.mutate(locale);
    }
  };
  return { language, setLanguage };
}
