import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useOrganisations } from '../admin/use-organisations.ts';
import { AmountAndCurrency, ClaimSelect } from './CompensationFields.tsx';
import { focusFirstProblem, todayIso } from './formats.ts';
import { HOME_CURRENCY, ORDER_DAMAGE_TYPES, type DamageType } from './victim-codes.ts';
import { useRecordOrder, type OrderBody } from './use-victims.ts';
import { useServerProblems } from '../app/server-problems.ts';
import { useProfileNames } from './profile-names.ts';

type Claim = Schemas['CompensationClaim'];
type Fields = {
  claim_id: string;
  ordered_on: string;
  damage_type: DamageType | '';
  amount: string;
  currency: string;
  court_organisation: string;
};
type Problems = Partial<Record<keyof Fields, string>>;

/** The claim's first currency already ordered, else the profile's. */
const currencyOf = (claim: Claim | undefined) => Object.keys(claim?.ordered ?? {})[0] ?? HOME_CURRENCY;
const empty = (claim: Claim | undefined, court = ''): Fields => ({
  claim_id: claim?.id ?? '',
  ordered_on: '',
  damage_type: '',
  amount: '',
  currency: currencyOf(claim),
  court_organisation: court,
});

/** The problems the form can see before sending (the server checks them again: compensation.repository.ts). */
function problemsOf(f: Fields, claim: Claim | undefined, today: string): Problems {
  const p: Problems = {};
  if (!claim) p.claim_id = 'payment_form.required_claim';
  if (!f.ordered_on) p.ordered_on = 'order_form.required_date';
  else if (f.ordered_on > today) p.ordered_on = 'order_form.future';
  else if (claim && f.ordered_on < claim.filed_on) p.ordered_on = 'order_form.before_claim';
  if (!f.damage_type) p.damage_type = 'order_form.required_damage';
  if (!f.amount) p.amount = 'order_form.required_amount';
  else if (!/^\d{1,14}(\.\d{1,2})?$/.test(f.amount) || Number(f.amount) <= 0) p.amount = 'event_form.amount_format';
  if (!/^[A-Z]{3}$/.test(f.currency)) p.currency = 'event_form.currency_format';
  return p;
}

const FIELDS = new Set<keyof Fields>(['claim_id', 'ordered_on', 'damage_type', 'amount', 'currency', 'court_organisation']);

/**
 * Record what a court ordered on one of the victim's claims (POST
 * /victim-cases/:id/compensation-claims/:claim_id/orders): the day of the
 * decision (not before the claim was filed nor after today), the profile's
 * damage type (compensation.damage_types; Romania: moral, material), the
 * amount (a decimal string, exact) and currency, and, when known, the court
 * (an organisation of kind "court", by code). A pending claim becomes ordered.
 * Problems show on their fields and the keyboard lands on the first; an error
 * keeps everything typed. After a success the compensation above shows the
 * order and what is still owed.
 */
export function OrderForm({ victimCaseId, victimNumber, claims }: { victimCaseId: string; victimNumber: number; claims: Claim[] }) {
  const { t } = useTranslation('proceedings');
  const record = useRecordOrder(victimCaseId);
  const organisations = useOrganisations();
  const names = useProfileNames();
  const [fields, setFields] = useState<Fields>(() => empty(claims[0]));
  const [shown, setShown] = useState<Problems>({});
  const [done, setDone] = useState(false);
  const today = todayIso();
  const claim = claims.find((c) => c.id === fields.claim_id);
  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => {
    setFields((f) => ({ ...f, [name]: value }));
    setShown((p) => ({ ...p, [name]: undefined }));
    server.edited(name);
    setDone(false);
  };
  // The server's last refusal, field by field, while it still applies (an edited field's reason goes).
  const server = useServerProblems<keyof Fields>(record.error, (path) => {
    const name = path.replace(/^body\./, '') as keyof Fields;
    return FIELDS.has(name) ? name : undefined;
  });
  const problem = (name: keyof Fields) => (shown[name] ? t(shown[name]) : server.problems[name]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // A new attempt: the last refusal no longer stands beside what this one finds.
    record.reset();
    const problems = problemsOf(fields, claim, today);
    setShown(problems);
    if (Object.keys(problems).length > 0 || !claim || !fields.damage_type) {
      focusFirstProblem(event.currentTarget);
      return;
    }
    const body: OrderBody = {
      ordered_on: fields.ordered_on,
      damage_type: fields.damage_type,
      amount: fields.amount,
      currency: fields.currency,
      ...(fields.court_organisation ? { court_organisation: fields.court_organisation } : {}),
    };
    record.mutate(
      { claimId: claim.id, body },
      {
        onSuccess: (saved) => {
          setDone(true);
          // The same court often orders both damage types: it stays chosen for the next order.
          setFields(empty(saved, fields.court_organisation));
        },
      },
    );
  };

  const courts = (organisations.data ?? []).filter((o) => o.kind === 'court');
  const title = `order-form-${victimCaseId}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={title}>
      <Stack gap="sm">
        <Title order={5} size="h6" id={title}>
          {t('order_form.title', { number: victimNumber })}
        </Title>
        <ClaimSelect
          claims={claims}
          value={fields.claim_id}
          error={problem('claim_id')}
          onChoose={(chosen) => {
            setFields((f) => ({ ...f, claim_id: chosen?.id ?? '', currency: currencyOf(chosen) }));
            setShown((p) => ({ ...p, claim_id: undefined }));
            server.edited('claim_id');
            setDone(false);
          }}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('order_form.ordered_on')}
            required
            max={today}
            value={fields.ordered_on}
            error={problem('ordered_on')}
            onChange={(e) => set('ordered_on', e.currentTarget.value)}
            miw={160}
          />
          <NativeSelect
            label={t('order_form.damage_type')}
            required
            value={fields.damage_type}
            error={problem('damage_type')}
            onChange={(e) => set('damage_type', e.currentTarget.value as DamageType | '')}
            miw={160}
          >
            <option value="">{t('event_form.choose')}</option>
            {ORDER_DAMAGE_TYPES.map((d) => (
              <option key={d} value={d}>
                {t(`compensation.damage.${d}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <AmountAndCurrency
          amountLabel={t('order_form.amount')}
          amount={fields.amount}
          currency={fields.currency}
          amountError={problem('amount')}
          currencyError={problem('currency')}
          onAmount={(amount) => set('amount', amount)}
          onCurrency={(currency) => set('currency', currency)}
        />
        <NativeSelect
          label={t('order_form.court')}
          value={fields.court_organisation}
          error={problem('court_organisation') ?? (organisations.isError ? t('order_form.courts_unavailable') : undefined)}
          onChange={(e) => set('court_organisation', e.currentTarget.value)}
        >
          <option value="">{t('order_form.court_unknown')}</option>
          {courts.map((o) => (
            <option key={o.id} value={o.code}>
              {names.institution(o.code, o.name)}
            </option>
          ))}
        </NativeSelect>
        {record.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
        {done && (
          <Alert color="teal" role="status">
            {t('order_form.done')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('order_form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
