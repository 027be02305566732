import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, NativeSelect, Stack, TextInput, Title } from '@mantine/core';
import type { Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { AmountAndCurrency, ClaimSelect } from './CompensationFields.tsx';
import { focusFirstProblem, todayIso, useProceedingsFormats } from './formats.ts';
import { HOME_CURRENCY, PAYERS, type Payer } from './victim-codes.ts';
import { useRecordPayment, type PaymentBody } from './use-victims.ts';
import { useServerProblems } from '../app/server-problems.ts';

type Claim = Schemas['CompensationClaim'];
type Fields = { claim_id: string; paid_on: string; amount: string; currency: string; payer: Payer | ''; order_id: string };
type Problems = Partial<Record<keyof Fields, string>>;

/** The claim's first currency still owed, else ordered, else the profile's. */
const currencyOf = (claim: Claim | undefined) =>
  Object.keys(claim?.unpaid ?? {})[0] ?? Object.keys(claim?.ordered ?? {})[0] ?? HOME_CURRENCY;
const empty = (claim: Claim | undefined): Fields => ({
  claim_id: claim?.id ?? '',
  paid_on: '',
  amount: '',
  currency: currencyOf(claim),
  payer: '',
  order_id: '',
});

/** The problems the form can see before sending (the server checks them again: compensation.repository.ts). */
function problemsOf(f: Fields, claim: Claim | undefined, today: string): Problems {
  const p: Problems = {};
  if (!claim) p.claim_id = 'payment_form.required_claim';
  if (!f.paid_on) p.paid_on = 'payment_form.required_date';
  else if (f.paid_on > today) p.paid_on = 'payment_form.future';
  else if (claim && f.paid_on < claim.filed_on) p.paid_on = 'payment_form.before_claim';
  if (!f.amount) p.amount = 'payment_form.required_amount';
  else if (!/^\d{1,14}(\.\d{1,2})?$/.test(f.amount) || Number(f.amount) <= 0) p.amount = 'event_form.amount_format';
  if (!/^[A-Z]{3}$/.test(f.currency)) p.currency = 'event_form.currency_format';
  if (!f.payer) p.payer = 'payment_form.required_payer';
  return p;
}

const FIELDS = new Set<keyof Fields>(['claim_id', 'paid_on', 'amount', 'currency', 'payer', 'order_id']);

/**
 * Add a payment the victim received on one of their claims (POST
 * /victim-cases/:id/compensation-claims/:claim_id/payments): the day, the
 * amount (a decimal string, exact) and currency, who paid (offender, state,
 * fund of seized assets) and, when known, the court order it pays. Problems
 * show on their fields and the keyboard lands on the first; an error keeps
 * everything typed. After a success the compensation above shows the payment
 * and what is still owed.
 */
export function PaymentForm({ victimCaseId, victimNumber, claims }: { victimCaseId: string; victimNumber: number; claims: Claim[] }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const record = useRecordPayment(victimCaseId);
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
    if (Object.keys(problems).length > 0 || !claim) {
      focusFirstProblem(event.currentTarget);
      return;
    }
    const body: PaymentBody = {
      paid_on: fields.paid_on,
      amount: fields.amount,
      currency: fields.currency,
      payer: fields.payer as Payer,
      ...(fields.order_id ? { order_id: fields.order_id } : {}),
    };
    record.mutate(
      { claimId: claim.id, body },
      {
        onSuccess: (saved) => {
          setDone(true);
          setFields(empty(saved));
        },
      },
    );
  };

  const title = `payment-form-${victimCaseId}`;
  return (
    <form onSubmit={submit} noValidate aria-labelledby={title}>
      <Stack gap="sm">
        <Title order={5} size="h6" id={title}>
          {t('payment_form.title', { number: victimNumber })}
        </Title>
        <ClaimSelect
          claims={claims}
          value={fields.claim_id}
          error={problem('claim_id')}
          onChoose={(chosen) => {
            setFields((f) => ({ ...f, claim_id: chosen?.id ?? '', order_id: '', currency: currencyOf(chosen) }));
            setShown((p) => ({ ...p, claim_id: undefined }));
            server.edited('claim_id');
            setDone(false);
          }}
        />
        <Group grow align="flex-start" wrap="wrap">
          <TextInput
            type="date"
            label={t('payment_form.paid_on')}
            required
            max={today}
            value={fields.paid_on}
            error={problem('paid_on')}
            onChange={(e) => set('paid_on', e.currentTarget.value)}
            miw={160}
          />
          <NativeSelect
            label={t('payment_form.payer')}
            required
            value={fields.payer}
            error={problem('payer')}
            onChange={(e) => set('payer', e.currentTarget.value as Payer | '')}
            miw={160}
          >
            <option value="">{t('event_form.choose')}</option>
            {PAYERS.map((p) => (
              <option key={p} value={p}>
                {t(`compensation.payer.${p}`)}
              </option>
            ))}
          </NativeSelect>
        </Group>
        <AmountAndCurrency
          amountLabel={t('payment_form.amount')}
          amount={fields.amount}
          currency={fields.currency}
          amountError={problem('amount')}
          currencyError={problem('currency')}
          onAmount={(amount) => set('amount', amount)}
          onCurrency={(currency) => set('currency', currency)}
        />
        {claim && claim.orders.length > 0 && (
          <NativeSelect
            label={t('payment_form.order')}
            value={fields.order_id}
            error={problem('order_id')}
            onChange={(e) => set('order_id', e.currentTarget.value)}
          >
            <option value="">{t('payment_form.order_unknown')}</option>
            {claim.orders.map((o) => (
              <option key={o.id} value={o.id}>
                {t('payment_form.order_option', {
                  date: formats.day(o.ordered_on),
                  type: t(`compensation.damage.${o.damage_type}`),
                  amount: formats.money(o.amount, o.currency),
                })}
              </option>
            ))}
          </NativeSelect>
        )}
        {record.isError && server.alertError != null && <ApiErrorAlert error={server.alertError} />}
        {done && (
          <Alert color="teal" role="status">
            {t('payment_form.done')}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={record.isPending}>
            {t('payment_form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
