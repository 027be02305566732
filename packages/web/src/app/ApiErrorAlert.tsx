import { PROBLEM_NAMESPACES } from './problem-vocabularies.ts';
import { useTranslation } from 'react-i18next';
import { Alert, List, type AlertProps } from '@mantine/core';
import { ApiRequestError } from '../api/client.ts';
import { errorText, fieldLine } from './problem-text.ts';

/**
 * An API or network error in words: the refusal's rule, else a known catalogue
 * code (docs/errors.md), in the user's language, else the server's message;
 * the fields it names listed by their labels with why, translated (problem-text.ts). Too many attempts says how long to wait (the Retry-After header). Shown beside the form, which keeps what was typed.
 */
export function ApiErrorAlert({ error, ...props }: { error: unknown } & Omit<AlertProps, 'children'>) {
  const { t } = useTranslation();
  // Refusals' words load when an error is first shown; until then the server's English stands in (never suspends).
  const { t: tp } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  if (!(error instanceof ApiRequestError)) {
    return (
      <Alert color="red" role="alert" title={t('errors.network_title')} {...props}>
        {t('errors.network')}
      </Alert>
    );
  }
  const code = error.body.code;
  return (
    <Alert color="red" role="alert" title={t('errors.title')} {...props}>
      {code === 'OPENNRM_RATE_LIMITED' && error.retryAfterSeconds != null
        ? t('errors.rate_limited_wait', { count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) })
        : errorText(tp, error.body)}
      {error.body.fields && error.body.fields.length > 0 && (
        <List size="sm" mt="xs">
          {error.body.fields.map((f) => (
            <List.Item key={f.path}>{fieldLine(tp, f)}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
