import { useTranslation } from 'react-i18next';
import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { Schemas } from '../api/client.ts';

type Claim = Schemas['CompensationClaim'];

/** The victim's claims to choose from, each by its number and route (the order and payment forms). */
export function ClaimSelect(props: {
  claims: readonly Claim[];
  value: string;
  error?: string;
  onChoose: (claim: Claim | undefined) => void;
}) {
  const { t } = useTranslation('proceedings');
  return (
    <NativeSelect
      label={t('payment_form.claim')}
      required
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChoose(props.claims.find((c) => c.id === e.currentTarget.value))}
    >
      {props.claims.map((c, index) => (
        <option key={c.id} value={c.id}>
          {t('compensation.claim', { number: index + 1, route: t(`compensation.route.${c.route}`) })}
        </option>
      ))}
    </NativeSelect>
  );
}

/**
 * An amount as a decimal string and its ISO 4217 currency, side by side (stacked at 360 px): typed as is, so the
 * server's exact decimal rules decide (packages/domain/src/compensation/money.ts).
 */
export function AmountAndCurrency(props: {
  amountLabel: string;
  amount: string;
  currency: string;
  amountError?: string;
  currencyError?: string;
  onAmount: (amount: string) => void;
  onCurrency: (currency: string) => void;
}) {
  const { t } = useTranslation('proceedings');
  return (
    <Group grow align="flex-start" wrap="wrap">
      <TextInput
        label={props.amountLabel}
        description={t('event_form.amount_hint')}
        required
        inputMode="decimal"
        value={props.amount}
        error={props.amountError}
        onChange={(e) => props.onAmount(e.currentTarget.value.trim())}
        miw={160}
      />
      <TextInput
        label={t('event_form.currency')}
        description={t('event_form.currency_hint')}
        required
        maxLength={3}
        value={props.currency}
        error={props.currencyError}
        onChange={(e) => props.onCurrency(e.currentTarget.value.toUpperCase())}
        miw={120}
      />
    </Group>
  );
}
