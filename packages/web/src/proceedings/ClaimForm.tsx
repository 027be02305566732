import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { focusFirstProblem, todayIso } from './formats.ts';
import { CLAIM_ROUTES, type Route } from './victim-codes.ts';
import { useFileClaim, type ClaimBody } from './use-victims.ts';
import { useServerProblems } from '../app/server-problems.ts';

type Fields = { route: Route | ''; filed_on: string };
type Problems = Partial<Record<keyof Fields, string>>;

const empty = (): Fields => ({ route: '', filed_on: '' });

/** The problems the form can see before sending (the server checks them again: compensation.repository.ts). */
function problemsOf(f: Fields, today: string): Problems {
  const p: Problems = {};
  if (!f.route) p.route = 'claim_form.required_route';
  if (!f.filed_on) p.filed_on = 'claim_form.required_date';
  else if (f.filed_on > today) p.filed_on = 'claim_form.future';
  return p;
}

/**
 * The server names body.criminal_case_id when the victim case is not linked to
 * this criminal case: the route is the field the user chose it by.
 */
const FIELD_OF: Record<string, keyof Fields> = { route: 'route', criminal_case_id: 'route', filed_on: 'filed_on' };

/**
 * File a compensation claim for the victim (POST
 * /victim-cases/:id/compensation-claims): by one of the profile's routes
 * (compensation.routes; Romania: restitution in the criminal case as civil
 * party, a civil suit, state compensation under Law 211/2004) and the day it
 * was filed, not after today. Restitution is claimed in this criminal case, so
 * it is sent with the case's id; the other routes run outside it. The API takes
 * no claimed amount: what the court orders is recorded with the order form.
 * Problems show on their fields and the keyboard lands on the first; an error
 * keeps everything typed. After a success the claim is listed above.
 */
export function ClaimForm({
  victimCaseId,
  victimNumber,
  criminalCaseId,
}: {
  victimCaseId: string;
  victimNumber: number;
  criminalCaseId: string;
}) {
  const { t } = useTranslation('proceedings');
  const file = useFileClaim(victimCaseId);
  const [fields, setFields] = useState<Fields>(empty);
  const [shown, setShown] = useState<Problems>({});
  const [done, setDone] = useState(false);
  const today = todayIso();
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    server.edited(name);
    setDone(false);
  };
  // The server's last refusal, field by field, while it still applies (an edited field's reason goes).
  const server = useServerProblems<keyof Fields>(file.error, (path) => FIELD_OF[path.replace(/^body\./, '')]);
  const problem = (name: keyof Fields) => (shown[name] ? t(shown[name]) : server.problems[name]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    file.reset();
    const problems = problemsOf(fields, today);
    setShown(problems);
    if (Object.keys(problems).length > 0 || !fields.route) {
      focusFirstProblem(event.currentTarget);
      return;
    }
    const body: ClaimBody = {
      route: fields.route,
      filed_on: fields.filed_on,
      ...(fields.route === 'restitution_in_criminal_case' ? { criminal_case_id: criminalCaseId } : {}),
    };
    file.mutate(body, {
      onSuccess: () => {
        setDone(true);
        setFields(empty());
      },
    });
  };

  const title = `claim-form-${victimCaseId}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={title}>
      <Stack gap="sm">
        <Title order={5} size="h6" id={title}>
          {t('claim_form.title', { number: victimNumber })}
        </Title>
        <Group grow align="flex-start" wrap="wrap">
          <NativeSelect
            label={t('claim_form.route')}
            required
            value={fields.route}
            error={problem('route')}
            onChange={(e) => set('route', e.currentTarget.value as Route | '')}
            miw={200}
          >
            <option value="">{t('event_form.choose')}</option>
            {CLAIM_ROUTES.map((r) => (
              <option key={r} value={r}>
                {t(`compensation.route.${r}`)}
              </option>
            ))}
          </NativeSelect>
          <TextInput
            type="date"
            label={t('claim_form.filed_on')}
            required
            max={today}
            value={fields.filed_on}
            error={problem('filed_on')}
            onChange={(e) => set('filed_on', e.currentTarget.value)}
            miw={160}
          />
        </Group>
        {file.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
        {done && (
          <Alert color="teal" role="status">
            {t('claim_form.done')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={file.isPending}>
            {t('claim_form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
