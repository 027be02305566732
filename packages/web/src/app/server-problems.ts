import { PROBLEM_NAMESPACES } from './problem-vocabularies.ts';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiRequestError } from '../api/client.ts';
import { fieldProblemText } from './problem-text.ts';

/** What a form shows of the server's last refusal (useServerProblems). */
export interface ServerProblems<F extends string> {
  /** The server's reason on each form field the user has not changed since, in the user's language. */
  problems: Partial<Record<F, string>>;
  /**
   * The refusal for the alert beside the form: the same error without the fields changed since, or null when
   * every field it named has been changed (nothing of it still applies). Not an ApiRequestError: unchanged.
   */
  alertError: unknown;
  /** The user changed this field: the server's reason for it no longer applies. */
  edited: (name: F) => void;
  /** Whether the user changed this field since the refusal. */
  isEdited: (name: F) => boolean;
}

/**
 * The server's refusal of a form's last send, kept only while it still applies: a field's reason goes when the
 * user edits that field, and a new refusal shows whole again. The form clears everything on a new submit by
 * resetting its mutation (an old refusal never stands beside a new one); what the user typed is never touched.
 *
 * @param error the mutation's error (null, an ApiRequestError, or a network failure).
 * @param fieldOf the form field a request path names ("body.held_on" -> "day"), undefined for one the form lacks.
 */
export function useServerProblems<F extends string>(error: unknown, fieldOf: (path: string) => F | undefined): ServerProblems<F> {
  // The refusals' words load lazily and never suspend the form, so what was typed stays.
  const { t: tp } = useTranslation(PROBLEM_NAMESPACES, { useSuspense: false });
  const [changed, setChanged] = useState<{ error: unknown; names: ReadonlySet<F> }>({ error: null, names: new Set() });
  // Edits made before this refusal arrived do not hide any of it.
  const names = changed.error === error ? changed.names : EMPTY_SET;
  const body = error instanceof ApiRequestError ? error.body : null;
  // fieldOf is a fixed mapping of the form's fields: the error and the names changed decide.
  const standing = useMemo(() => standingRefusal(error, names, fieldOf), [error, names]);
  const problems: Partial<Record<F, string>> = {};
  for (const [name, f] of Object.entries(standing.fields) as [F, FieldProblem][]) problems[name] = fieldProblemText(tp, f);
  const alertError = standing.alertError;
  return {
    problems,
    alertError,
    edited: (name) => {
      if (!body || names.has(name)) return;
      setChanged({ error, names: new Set([...names, name]) });
    },
    isEdited: (name) => names.has(name),
  };
}

const EMPTY_SET: ReadonlySet<never> = new Set();

type FieldProblem = NonNullable<ApiRequestError['body']['fields']>[number];

/**
 * What of a refusal still applies once the user has changed some fields: each form field's first problem the
 * server named, leaving out the changed ones, and the error for the alert beside the form (the same error
 * without the changed fields; null when it named only fields and all of them have changed; the error itself
 * when nothing changed or it is not an API refusal).
 */
export function standingRefusal<F extends string>(
  error: unknown,
  changed: ReadonlySet<F>,
  fieldOf: (path: string) => F | undefined,
): { fields: Partial<Record<F, FieldProblem>>; alertError: unknown } {
  if (!(error instanceof ApiRequestError)) return { fields: {}, alertError: error };
  const all = error.body.fields ?? [];
  const fields: Partial<Record<F, FieldProblem>> = {};
  for (const f of all) {
    const name = fieldOf(f.path);
    if (name && !changed.has(name) && fields[name] === undefined) fields[name] = f;
  }
  if (changed.size === 0 || all.length === 0) return { fields, alertError: error };
  const left = all.filter((f) => {
    const name = fieldOf(f.path);
    return !name || !changed.has(name);
  });
  if (left.length === all.length) return { fields, alertError: error };
  return { fields, alertError: left.length === 0 ? null : new ApiRequestError(error.status, { ...error.body, fields: left }) };
}
