import { sql, type Kysely } from 'kysely';

/**
 * Issue 4 point 4, services and shelters (docs/services.md, docs/data-model.md):
 * - service_facility: the places a provider (an organisation) runs, with
 *   county, services, capacity and free places (with who updated them and
 *   when) and the licence for child victims with its expiry;
 * - referral: a decline reason code beside the free text, urgency, the
 *   referral a declined one was re-sent from, and when the overdue alert went out;
 * - assistance: the facility, and for financial support the amount, currency
 *   and scheme (e.g. the state advance payment).
 * Service codes are unchanged (the catalogue is migration 0001's list), so no
 * stored value is mapped. Referrals declined before reason codes existed get
 * "other"; their text is kept.
 */
const statements = [
  `CREATE TABLE service_facility (
     id uuid PRIMARY KEY,
     organisation_id uuid NOT NULL REFERENCES organisation(id),
     code text NOT NULL UNIQUE,
     name text NOT NULL,
     region text NOT NULL,
     services text[] NOT NULL,
     accepts_children boolean NOT NULL DEFAULT false,
     accepts_adults boolean NOT NULL DEFAULT true,
     dedicated_to_trafficking boolean NOT NULL DEFAULT false,
     capacity integer CHECK (capacity >= 0),
     free_places integer CHECK (free_places >= 0),
     free_places_updated_at timestamptz,
     free_places_updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
     licence_number text,
     licence_authority text,
     licence_expires_on date,
     active boolean NOT NULL DEFAULT true,
     synthetic boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL DEFAULT now(),
     updated_at timestamptz NOT NULL DEFAULT now(),
     CHECK (free_places IS NULL OR (capacity IS NOT NULL AND free_places <= capacity)),
     CHECK ((licence_number IS NULL) = (licence_expires_on IS NULL))
   )`,
  `CREATE INDEX service_facility_organisation ON service_facility (organisation_id)`,
  `CREATE INDEX service_facility_region ON service_facility (region)`,
  `ALTER TABLE referral ADD COLUMN decline_reason_code text`,
  `ALTER TABLE referral ADD COLUMN urgency text NOT NULL DEFAULT 'routine'`,
  `ALTER TABLE referral ADD COLUMN resent_from_referral_id uuid REFERENCES referral(id)`,
  `ALTER TABLE referral ADD COLUMN overdue_alerted_at timestamptz`,
  `UPDATE referral SET decline_reason_code = 'other' WHERE status = 'declined'`,
  `CREATE INDEX referral_waiting ON referral (to_organisation_id, status)`,
  `ALTER TABLE assistance ADD COLUMN facility_id uuid REFERENCES service_facility(id)`,
  `ALTER TABLE assistance ADD COLUMN amount numeric(14, 2) CHECK (amount >= 0)`,
  `ALTER TABLE assistance ADD COLUMN currency text`,
  `ALTER TABLE assistance ADD COLUMN payment_scheme text`,
  `ALTER TABLE assistance ADD CONSTRAINT assistance_payment_is_financial
     CHECK (service = 'financial' OR (amount IS NULL AND currency IS NULL AND payment_scheme IS NULL))`,
  `ALTER TABLE assistance ADD CONSTRAINT assistance_amount_currency CHECK (amount IS NULL OR currency IS NOT NULL)`,
  `CREATE INDEX assistance_referral ON assistance (referral_id)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}
