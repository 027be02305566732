import type { TableSpec } from './tables.ts';

type PartialSpec = Partial<TableSpec> & Pick<TableSpec, 'type' | 'columns'>;

/**
 * How compensation (migration 0020) maps to OpenNRM JSON lines: the
 * exchange-rate table first (orders are converted with it), then claims,
 * their orders and payments, and state advance payments. Amounts and rates
 * are numeric, exported as decimal text; the ordering court is an
 * organisation code. Line schemas: @opennrm/domain interchange/compensation-lines.ts.
 */
export const COMPENSATION_TABLES: readonly PartialSpec[] = [
  {
    type: 'exchange_rate',
    columns: ['id', 'currency', 'reporting_currency', 'valid_on', 'rate', 'source', 'recorded_by', 'updated_at'],
    instants: ['updated_at'],
    decimals: ['rate'],
    references: [{ column: 'recorded_by', type: 'app_user' }],
  },
  {
    type: 'compensation_claim',
    columns: [
      'id',
      'victim_case_id',
      'criminal_case_id',
      'route',
      'filed_on',
      'status',
      'renounced',
      'renounced_on',
      'renounced_informed',
      'recorded_by',
      'synthetic',
      'created_at',
    ],
    instants: ['created_at'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'criminal_case_id', type: 'criminal_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'compensation_order',
    columns: ['id', 'claim_id', 'ordered_on', 'damage_type', 'amount', 'currency', 'court_organisation_id', 'recorded_by', 'created_at'],
    instants: ['created_at'],
    decimals: ['amount'],
    organisations: ['court_organisation_id'],
    references: [
      { column: 'claim_id', type: 'compensation_claim' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'compensation_payment',
    columns: ['id', 'claim_id', 'order_id', 'paid_on', 'amount', 'currency', 'payer', 'recorded_by', 'created_at'],
    instants: ['created_at'],
    decimals: ['amount'],
    references: [
      { column: 'claim_id', type: 'compensation_claim' },
      { column: 'order_id', type: 'compensation_order' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
  {
    type: 'state_advance_payment',
    columns: [
      'id',
      'victim_case_id',
      'requested_on',
      'granted_on',
      'amount',
      'currency',
      'purpose',
      'recorded_by',
      'synthetic',
      'created_at',
    ],
    instants: ['created_at'],
    decimals: ['amount'],
    references: [
      { column: 'victim_case_id', type: 'victim_case' },
      { column: 'recorded_by', type: 'app_user' },
    ],
  },
];
