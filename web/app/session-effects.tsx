// The language once /me is known: a choice made on the sign-in page just now becomes the user's setting; otherwise
// the user's remembered setting applies.
import { useEffect } from 'react';
import { useMe } from '../lib/api/use-me';
import { useUpdateLocale } from '../lib/api/use-update-locale';
import { i18n, rememberLocale, takeChoiceBeforeSignIn } from '../lib/i18n';

export function SessionEffects() {
  const { data: me } = useMe();
  const { mutate: updateLocale } = useUpdateLocale();
  const userId = me?.id;
  const locale = me?.locale;
  useEffect(() => {
    if (!userId || !locale) {
      return;
    }
    const choice = takeChoiceBeforeSignIn();
    if (choice && choice !== locale) {
      updateLocale(choice);
      return;
    }
    if (locale !== i18n.language) {
      rememberLocale(locale);
      void i18n.changeLanguage(locale);
    }
  }, [userId, locale, updateLocale]);
  return null;
}
