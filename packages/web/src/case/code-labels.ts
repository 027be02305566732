import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { fieldLabel } from '../app/problem-text.ts';

/**
 * Codes the case page shows, as words of the user's language (issue 5: every
 * string translated): a labour sector (`case:sector.<code>`, the domain's
 * LABOUR_SECTORS), an identity document's type (`case:document_type.<code>`,
 * IDENTITY_DOCUMENT_TYPES), a contact's kind (`case:contact_kind.<code>`,
 * CONTACT_KINDS) and a field name of the access history. The API keeps
 * sector, document type and contact kind open text, so a code this build has
 * no label for is shown as it was written.
 */
export interface CaseCodeLabels {
  sector: (code: string) => string;
  documentType: (code: string) => string;
  contactKind: (code: string) => string;
  /** A field name as the audit log records it ("given_names", "identity.given_names"). */
  field: (name: string) => string;
}

/**
 * The label of a field name of the access history: `case:access.field.<name>`
 * where the case page words it itself, else the request field's label the
 * app already has (`problems:fields.<name>`, i18n/problems/common), else the
 * name spaced (the English label of a field, problem-text.ts). An identity
 * field ("identity.given_names", persons.repository fieldNames) is labelled
 * as the field itself.
 */
export function accessFieldLabel(t: TFunction, name: string): string {
  const field = name.startsWith('identity.') ? name.slice('identity.'.length) : name;
  return t(`case:access.field.${field}`, { defaultValue: '' }) || fieldLabel(t, field);
}

/** The labels in the app's current language; `ready` is false until the request field labels (a lazy namespace) are loaded. */
export function useCaseCodeLabels(): CaseCodeLabels & { ready: boolean } {
  // The problems namespace holds the request field labels; it never suspends the page.
  const { t, ready } = useTranslation(['case', 'problems'], { useSuspense: false });
  const label = (group: string) => (code: string) => t(`case:${group}.${code}`, { defaultValue: code });
  return {
    ready,
    sector: label('sector'),
    documentType: label('document_type'),
    contactKind: label('contact_kind'),
    field: (name) => accessFieldLabel(t, name),
  };
}
