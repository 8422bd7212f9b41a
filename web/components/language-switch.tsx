// ID | EN, for screens without the user menu (sign-in, account setup).
import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isLocale } from '../lib/i18n';
import { useLanguage } from '../lib/use-language';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <SegmentedControl
      size="xs"
      value={language}
      onChange={(value) => isLocale(value) && setLanguage(value)}
      aria-label={t('language.label')}
      data-testid="language-switch"
      data={[
        { value: 'id', label: <span title={t('language.id')}>ID</span> },
        { value: 'en', label: <span title={t('language.en')}>EN</span> },
      ]}
    />
  );
}
