import { useTranslation } from 'react-i18next';
import { NativeSelect } from '@mantine/core';
import { LANGUAGES } from '../i18n/languages.ts';

/** Switches the language at any time; i18next remembers it in localStorage. Each language is named in itself. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('language.label')}
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.name }))}
      w={180}
    />
  );
}
