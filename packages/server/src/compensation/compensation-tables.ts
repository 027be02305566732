import type { ColumnType } from 'kysely';

/**
 * Row types of compensation (migration 0020). Dates are "YYYY-MM-DD". Amounts
 * and rates are numeric, written as decimal strings; the drivers read numeric
 * as a Number (db/database.ts), so code that adds or converts money selects
 * them as text (`amount::text`) and keeps them exact with decimal.js.
 */

type DateString = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;
type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Numeric = ColumnType<number, string, string>;

export interface CompensationClaimTable {
  id: string;
  victim_case_id: string;
  criminal_case_id: string | null;
  route: string;
  filed_on: DateString;
  status: Defaulted<string>;
  renounced: Defaulted<boolean>;
  renounced_on: NullableDate;
  renounced_informed: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

export interface CompensationOrderTable {
  id: string;
  claim_id: string;
  ordered_on: DateString;
  damage_type: string;
  amount: Numeric;
  currency: string;
  court_organisation_id: string | null;
  recorded_by: string | null;
  created_at: Instant;
}

export interface CompensationPaymentTable {
  id: string;
  claim_id: string;
  order_id: string | null;
  paid_on: DateString;
  amount: Numeric;
  currency: string;
  payer: string;
  recorded_by: string | null;
  created_at: Instant;
}

export interface StateAdvancePaymentTable {
  id: string;
  victim_case_id: string;
  requested_on: DateString;
  granted_on: NullableDate;
  amount: Numeric;
  currency: string;
  purpose: string;
  recorded_by: string | null;
  synthetic: Defaulted<boolean>;
  created_at: Instant;
}

export interface ExchangeRateTable {
  id: string;
  currency: string;
  reporting_currency: string;
  valid_on: DateString;
  rate: Numeric;
  source: string;
  recorded_by: string | null;
  updated_at: Instant;
}

export interface CompensationTables {
  compensation_claim: CompensationClaimTable;
  compensation_order: CompensationOrderTable;
  compensation_payment: CompensationPaymentTable;
  state_advance_payment: StateAdvancePaymentTable;
  exchange_rate: ExchangeRateTable;
}
