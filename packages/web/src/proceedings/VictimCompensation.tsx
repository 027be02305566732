import { Trans, useTranslation } from 'react-i18next';
import { useInLanguage } from '../i18n/in-language.tsx';
import { Center, List, Loader, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError, type Schemas } from '../api/client.ts';
import { ApiErrorAlert } from '../app/ApiErrorAlert.tsx';
import { useProceedingsFormats } from './formats.ts';
import { DAMAGE_TYPES, sumAmounts } from './victim-codes.ts';
import { useCompensation } from './use-victims.ts';
import { PaymentForm } from './PaymentForm.tsx';
import { ClaimForm } from './ClaimForm.tsx';
import { OrderForm } from './OrderForm.tsx';

type Claim = Schemas['CompensationClaim'];
type Compensation = Schemas['VictimCompensation'];

/** What a claim's orders add up to by damage type and currency, in the profile's order of types then by currency. */
function orderedByType(claim: Claim): { type: Claim['orders'][number]['damage_type']; currency: string; amount: string }[] {
  return DAMAGE_TYPES.flatMap((type) => {
    const orders = claim.orders.filter((o) => o.damage_type === type);
    const currencies = [...new Set(orders.map((o) => o.currency))].sort();
    return currencies.map((currency) => ({
      type,
      currency,
      amount: sumAmounts(orders.filter((o) => o.currency === currency).map((o) => o.amount)),
    }));
  });
}

/**
 * The victim's compensation (GET /victim-cases/:id/compensation;
 * docs/proceedings.md, "Compensation"): each claim with its route, what
 * courts ordered by damage type and currency, the payments received and
 * what is still owed; the state advance payments beside this year's cap
 * of the profile with its source. With `canRecord`, the forms to file a
 * claim (restitution in the criminal case `criminalCaseId` among the
 * profile's routes) and, once there is one, to record a court order and a
 * payment on it. A user the server does not let read it gets its 404
 * in words.
 */
export function VictimCompensation({
  victimCaseId,
  victimNumber,
  criminalCaseId,
  canRecord,
}: {
  victimCaseId: string;
  victimNumber: number;
  criminalCaseId: string;
  canRecord: boolean;
}) {
  const { t } = useTranslation('proceedings');
  const compensation = useCompensation(victimCaseId);
  const heading = `compensation-${victimCaseId}`;
  return (
    <Stack gap="xs" component="section" aria-labelledby={heading}>
      <Title order={4} size="h5" id={heading}>
        {t('compensation.title')}
      </Title>
      {compensation.isPending ? (
        <Center py="sm">
          <Loader size="sm" role="status" aria-label={t('compensation.loading')} />
        </Center>
      ) : compensation.isError ? (
        compensation.error instanceof ApiRequestError && compensation.error.status === 404 ? (
          <Text>{t('victims.not_readable')}</Text>
        ) : (
          <ApiErrorAlert error={compensation.error} />
        )
      ) : (
        <>
          {compensation.data.claims.length === 0 && <Text>{t('compensation.no_claims')}</Text>}
          {compensation.data.claims.map((claim, index) => (
            <ClaimView key={claim.id} claim={claim} number={index + 1} />
          ))}
          <Advances compensation={compensation.data} victimCaseId={victimCaseId} />
          {canRecord && <ClaimForm victimCaseId={victimCaseId} victimNumber={victimNumber} criminalCaseId={criminalCaseId} />}
          {canRecord && compensation.data.claims.length > 0 && (
            <>
              <OrderForm victimCaseId={victimCaseId} victimNumber={victimNumber} claims={compensation.data.claims} />
              <PaymentForm victimCaseId={victimCaseId} victimNumber={victimNumber} claims={compensation.data.claims} />
            </>
          )}
        </>
      )}
    </Stack>
  );
}

function ClaimView({ claim, number }: { claim: Claim; number: number }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const heading = `claim-${claim.id}`;
  const ordered = orderedByType(claim);
  const unpaid = Object.entries(claim.unpaid);
  return (
    <Stack gap={4} component="article" aria-labelledby={heading} data-claim={claim.route}>
      <Title order={5} size="h6" id={heading}>
        {t('compensation.claim', { number, route: t(`compensation.route.${claim.route}`) })}
      </Title>
      <Text size="sm">
        {t('compensation.filed', { date: formats.day(claim.filed_on), status: t(`compensation.status.${claim.status}`) })}
      </Text>
      {claim.renounced && claim.renounced_on && (
        <Text size="sm" c={claim.renounced_informed === false ? 'red.9' : undefined}>
          {claim.renounced_informed === false
            ? t('compensation.renounced_uninformed', { date: formats.day(claim.renounced_on) })
            : t('compensation.renounced', { date: formats.day(claim.renounced_on) })}
        </Text>
      )}
      {ordered.length === 0 ? (
        <Text size="sm">{t('compensation.no_orders')}</Text>
      ) : (
        <List size="sm" spacing={2} aria-label={t('compensation.ordered_label')}>
          {ordered.map((o) => (
            <List.Item key={`${o.type}-${o.currency}`} data-ordered={o.type}>
              {t('compensation.ordered', { type: t(`compensation.damage.${o.type}`), amount: formats.money(o.amount, o.currency) })}
            </List.Item>
          ))}
        </List>
      )}
      {claim.payments.length === 0 ? (
        <Text size="sm">{t('compensation.no_payments')}</Text>
      ) : (
        <List size="sm" spacing={2} aria-label={t('compensation.payments_label')}>
          {claim.payments.map((p) => (
            <List.Item key={p.id} data-payment={p.payer}>
              {t('compensation.payment', {
                date: formats.day(p.paid_on),
                amount: formats.money(p.amount, p.currency),
                payer: t(`compensation.payer.${p.payer}`),
              })}
            </List.Item>
          ))}
        </List>
      )}
      {unpaid.map(([currency, amount]) => (
        <Text key={currency} size="sm" fw={600}>
          {t('compensation.unpaid', { amount: formats.money(amount, currency) })}
        </Text>
      ))}
    </Stack>
  );
}

function Advances({ compensation, victimCaseId }: { compensation: Compensation; victimCaseId: string }) {
  const { t } = useTranslation('proceedings');
  const formats = useProceedingsFormats();
  const cap = compensation.advance_payment_cap;
  const inLanguage = useInLanguage();
  const capSource = cap ? inLanguage(cap.source, cap.source_i18n) : null;
  const heading = `advances-${victimCaseId}`;
  const advancedThisYear = cap
    ? sumAmounts(
        compensation.advance_payments
          .filter((a) => a.currency === cap.currency && a.requested_on.startsWith(String(cap.year)))
          .map((a) => a.amount),
      )
    : null;
  return (
    <Stack gap={4} component="section" aria-labelledby={heading}>
      <Title order={5} size="h6" id={heading}>
        {t('compensation.advances_title')}
      </Title>
      {compensation.advance_payments.length === 0 ? (
        <Text size="sm">{t('compensation.no_advances')}</Text>
      ) : (
        <List size="sm" spacing={2}>
          {compensation.advance_payments.map((a) => (
            <List.Item key={a.id}>
              {a.granted_on
                ? t('compensation.advance_granted', {
                    amount: formats.money(a.amount, a.currency),
                    purpose: t(`compensation.purpose.${a.purpose}`),
                    requested: formats.day(a.requested_on),
                    granted: formats.day(a.granted_on),
                  })
                : t('compensation.advance_pending', {
                    amount: formats.money(a.amount, a.currency),
                    purpose: t(`compensation.purpose.${a.purpose}`),
                    requested: formats.day(a.requested_on),
                  })}
            </List.Item>
          ))}
        </List>
      )}
      {cap && (
        <Text size="sm" data-cap={cap.year}>
          {t('compensation.cap', {
            year: cap.year,
            cap: formats.money(cap.amount, cap.currency),
            advanced: formats.money(advancedThisYear!, cap.currency),
          })}
        </Text>
      )}
      {cap && (
        <Text size="xs" c="dimmed">
          <Trans
            t={t}
            i18nKey="compensation.cap_source"
            values={{ source: capSource?.text }}
            components={{ src: <span lang={capSource?.lang} /> }}
          />
        </Text>
      )}
    </Stack>
  );
}
