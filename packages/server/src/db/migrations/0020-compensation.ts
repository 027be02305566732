import { sql, type Kysely } from 'kysely';

/**
 * Compensation for victims of trafficking (issue 6 point 5; docs/proceedings.md, "Compensation").
 *
 * - compensation_claim: a victim's claim by route (restitution in the
 *   criminal case, civil suit, state compensation), with its status and
 *   whether the victim renounced it, when, and whether counsel had told them
 *   what that meant (2024 TIP report: victims "could unknowingly renounce
 *   compensation claims during proceedings").
 * - compensation_order: what a court ordered on a claim, by damage type
 *   (moral, material), amount and ISO 4217 currency, and which court.
 * - compensation_payment: money actually received on a claim, or on one of
 *   its orders, and who paid (offender, state, seized-assets fund): the gap
 *   between ordered and paid is the failure the narrative names ("few of the
 *   136 victims received court-ordered compensation").
 * - state_advance_payment: the state's advance for emergency expenses,
 *   capped by the profile for the year it was requested (the cap is checked
 *   by the API: it is law that changes by year, not a constraint).
 * - exchange_rate: the rate table the annual report converts with, one rate
 *   per currency pair and first day of validity, with its source (an id of
 *   its own, so that the JSON export pages and imports it like every record).
 *
 * Amounts are numeric(18, 3): exact decimals, room for a 3-decimal minor
 * unit (ISO 4217: KWD, TND); the API refuses more decimals than the
 * currency has. Codes are checked here as in @opennrm/domain
 * compensation-codes.ts; which routes a country offers is the profile's.
 */
const statements = [
  `CREATE TABLE compensation_claim (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     criminal_case_id uuid REFERENCES criminal_case(id) ON DELETE SET NULL,
     route text NOT NULL CHECK (route IN ('restitution_in_criminal_case', 'civil_claim', 'state_compensation')),
     filed_on date NOT NULL,
     status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'ordered', 'rejected', 'withdrawn')),
     renounced boolean NOT NULL DEFAULT false,
     renounced_on date,
     renounced_informed boolean,
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT compensation_claim_renounced CHECK (renounced = (renounced_on IS NOT NULL)),
     CONSTRAINT compensation_claim_renounced_informed CHECK (renounced OR renounced_informed IS NULL),
     CONSTRAINT compensation_claim_renounced_on CHECK (renounced_on IS NULL OR renounced_on >= filed_on)
   )`,
  `CREATE INDEX compensation_claim_case ON compensation_claim (victim_case_id)`,
  `CREATE TABLE compensation_order (
     id uuid PRIMARY KEY,
     claim_id uuid NOT NULL REFERENCES compensation_claim(id) ON DELETE CASCADE,
     ordered_on date NOT NULL,
     damage_type text NOT NULL CHECK (damage_type IN ('moral', 'material')),
     amount numeric(18, 3) NOT NULL CHECK (amount > 0),
     currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
     court_organisation_id uuid REFERENCES organisation(id),
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT compensation_order_of_claim UNIQUE (id, claim_id)
   )`,
  `CREATE INDEX compensation_order_claim ON compensation_order (claim_id)`,
  // The annual report reads one year of orders.
  `CREATE INDEX compensation_order_ordered_on ON compensation_order (ordered_on)`,
  `CREATE TABLE compensation_payment (
     id uuid PRIMARY KEY,
     claim_id uuid NOT NULL REFERENCES compensation_claim(id) ON DELETE CASCADE,
     order_id uuid,
     paid_on date NOT NULL,
     amount numeric(18, 3) NOT NULL CHECK (amount > 0),
     currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
     payer text NOT NULL CHECK (payer IN ('offender', 'state', 'seized_assets_fund')),
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT compensation_payment_order_of_claim FOREIGN KEY (order_id, claim_id)
       REFERENCES compensation_order (id, claim_id) ON DELETE CASCADE
   )`,
  `CREATE INDEX compensation_payment_claim ON compensation_payment (claim_id)`,
  `CREATE TABLE state_advance_payment (
     id uuid PRIMARY KEY,
     victim_case_id uuid NOT NULL REFERENCES victim_case(id) ON DELETE CASCADE,
     requested_on date NOT NULL,
     granted_on date,
     amount numeric(18, 3) NOT NULL CHECK (amount > 0),
     currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
     purpose text NOT NULL CHECK (purpose IN ('medical', 'housing', 'subsistence', 'travel', 'legal', 'other')),
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT state_advance_payment_dates CHECK (granted_on IS NULL OR granted_on >= requested_on)
   )`,
  `CREATE INDEX state_advance_payment_case ON state_advance_payment (victim_case_id)`,
  `CREATE TABLE exchange_rate (
     id uuid PRIMARY KEY,
     currency text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
     reporting_currency text NOT NULL CHECK (reporting_currency ~ '^[A-Z]{3}$'),
     valid_on date NOT NULL,
     rate numeric(20, 10) NOT NULL CHECK (rate > 0),
     source text NOT NULL CHECK (length(source) >= 3),
     recorded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     updated_at timestamptz NOT NULL DEFAULT now(),
     CONSTRAINT exchange_rate_once UNIQUE (currency, reporting_currency, valid_on),
     CONSTRAINT exchange_rate_pair CHECK (currency <> reporting_currency)
   )`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
