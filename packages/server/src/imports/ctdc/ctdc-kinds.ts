import type { CtdcVictim } from '@opennrm/domain';
import type { CopyValue } from '../../db/copy-format.ts';

/**
 * The columns of `ctdc_record_kind` (migration 0022) that hold a mapped CTDC
 * line: every field of the domain's CtdcVictim, with its SQL type. Two lines
 * with the same values here are one kind.
 */
export const CTDC_KIND_FIELDS = {
  sex: 'text',
  citizenships: 'text[]',
  registration_year: 'integer',
  reporting_year: 'integer',
  forms: 'text[]',
  sector: 'text',
  countries_of_exploitation: 'text[]',
  age_band: 'text',
  is_child: 'boolean',
  recruitment_methods: 'text[]',
  recruiter_relationship: 'text',
  means_of_control: 'text[]',
} as const satisfies Record<keyof CtdcVictim, string>;

/** The names of CTDC_KIND_FIELDS, in table order. */
export const CTDC_KIND_COLUMNS = Object.keys(CTDC_KIND_FIELDS) as (keyof CtdcVictim)[];

/** A mapped line's values in CTDC_KIND_COLUMNS order (COPY values). */
export function kindValues(victim: CtdcVictim): CopyValue[] {
  return CTDC_KIND_COLUMNS.map((column) => victim[column]);
}

/** A string equal for two mapped lines exactly when they are one kind (ctdc_record_kind_once). */
export function kindKey(victim: CtdcVictim): string {
  return JSON.stringify(kindValues(victim));
}
