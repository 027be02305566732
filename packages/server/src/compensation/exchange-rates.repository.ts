import { sql } from 'kysely';
import { appendAuditEvent } from '../audit/append-audit-event.ts';
import { problem } from '@opennrm/domain';
import { invalidField } from '../http/errors.ts';
import { isoInstant } from '../http/common.schemas.ts';
import type { RecordContext } from '../shared/record-context.ts';
import { newId } from '../shared/ids.ts';
import type { ExchangeRateInput, ExchangeRateView } from './exchange-rates.schemas.ts';

const COLUMNS = ['id', 'currency', 'reporting_currency', 'valid_on', 'source', 'updated_at'] as const;

/**
 * The exchange-rate table the annual report converts compensation with
 * (issue 6 point 5: "a rate table that records its source and date"). Kept
 * by the coordinator, read by the coordinator and analysts (policy rule
 * coordinator.exchange_rates). Not personal data, but every change is
 * audited: a rate changes published figures.
 */
export class ExchangeRatesRepository {
  readonly #ctx: RecordContext;
  constructor(ctx: RecordContext) {
    this.#ctx = ctx;
  }

  /**
   * The table, by currency, reporting currency and day.
   * @param currency only rates converting from this ISO 4217 code.
   * @throws ApiError OPENNRM_FORBIDDEN for a role that may not read it.
   */
  async list(currency?: string): Promise<ExchangeRateView[]> {
    const { db, access } = this.#ctx;
    access.assertCan('read', 'ExchangeRate');
    let query = db
      .selectFrom('exchange_rate')
      .select(COLUMNS)
      .select(sql<string>`rate::text`.as('rate'));
    if (currency) query = query.where('currency', '=', currency);
    const rows = await query.orderBy('currency').orderBy('reporting_currency').orderBy('valid_on').execute();
    return rows.map(view);
  }

  /**
   * Adds rates, or replaces the rate and source of a pair on a day it already has, in one transaction.
   * @returns the rates as stored.
   * @throws ApiError OPENNRM_FORBIDDEN (not the coordinator); OPENNRM_VALIDATION naming body.rates.N.reporting_currency
   *   (the same as currency) or body.rates.N.valid_on (the pair and day given twice in the request).
   */
  async put(rates: readonly ExchangeRateInput[]): Promise<ExchangeRateView[]> {
    const { db, access } = this.#ctx;
    access.assertCan('update', 'ExchangeRate');
    const seen = new Set<string>();
    rates.forEach((r, i) => {
      if (r.currency === r.reporting_currency) throw invalidField(`body.rates.${i}.reporting_currency`, problem('rate_to_same_currency'));
      const key = `${r.currency}>${r.reporting_currency}@${r.valid_on}`;
      if (seen.has(key))
        throw invalidField(
          `body.rates.${i}.valid_on`,
          problem('rate_given_twice', { currency: r.currency, reporting_currency: r.reporting_currency, date: r.valid_on }),
        );
      seen.add(key);
    });
    return db.transaction().execute(async (trx) => {
      const stored: ExchangeRateView[] = [];
      for (const r of rates) {
        const row = await trx
          .insertInto('exchange_rate')
          .values({ id: newId(), ...r, recorded_by: access.actor.user_id })
          .onConflict((oc) =>
            oc.constraint('exchange_rate_once').doUpdateSet({
              rate: r.rate,
              source: r.source,
              recorded_by: access.actor.user_id,
              updated_at: sql`now()`,
            }),
          )
          .returning(COLUMNS)
          .returning(sql<string>`rate::text`.as('rate'))
          .executeTakeFirstOrThrow();
        await appendAuditEvent(
          trx,
          access.audit({ action: 'update', record_type: 'exchange_rate', record_id: row.id, fields: ['rate', 'source'] }),
        );
        stored.push(view(row));
      }
      return stored;
    });
  }
}

function view(row: {
  id: string;
  currency: string;
  reporting_currency: string;
  rate: string;
  valid_on: string;
  source: string;
  updated_at: Date;
}): ExchangeRateView {
  return {
    id: row.id,
    currency: row.currency,
    reporting_currency: row.reporting_currency,
    rate: row.rate.replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, ''),
    valid_on: row.valid_on,
    source: row.source,
    updated_at: isoInstant(row.updated_at),
  };
}
