import { z } from 'zod';
import { yearQuery } from '../http/common.schemas.ts';

/** A count of persons or cases; null when the database records nothing of the kind (docs/statistics.md). */
const count = z.number().int().nullable();

const formCounts = z.record(z.string(), count).describe('persons or cases per report category of the profile, plus "unspecified"');
const countByForm = z.object({ total: count, by_form: formCounts });

/**
 * The annual report (AnnualReport in @opennrm/domain). The main figures are
 * typed; the others pass through with the key names of
 * shared/data/romania-published-figures.json, null where the data cannot support them.
 */
export const annualReportSchema = z
  .looseObject({
    victims_identified: z
      .looseObject({
        total: count.describe('victims identified in the year, each counted once'),
        by_form: formCounts.describe('victims per form category; a victim with two forms counts in both'),
        children: count,
        foreign_citizens: count,
      })
      .describe('persons'),
    victims_referred_to_assistance: count.describe('persons; null when no referral is recorded at all'),
    victims_assisted_by_ngos: count.describe('persons; null when no assistance is recorded at all'),
    victims_assisted_share_of_identified: z.number().nullable().describe('ratio 0..1'),
    investigations_new: countByForm.describe('criminal cases opened in the year'),
    suspects_prosecuted: countByForm.describe('suspects'),
    traffickers_convicted: countByForm.describe('convicted suspects'),
    prison_sentence_range_months: z
      .object({ min: z.number().nullable(), median: z.number().nullable(), max: z.number().nullable() })
      .describe('months of imprisonment not suspended; median to 1 decimal'),
    screenings: z
      .object({
        total: count,
        by_context: z.record(z.string(), count).describe("per code of the profile's screening_contexts"),
        by_outcome: z.record(z.string(), count).describe('no_indicators, potential_victim, presumed_victim'),
      })
      .describe('screenings recorded in the year; null counts when no screening is recorded at all'),
    victims_assisted: z
      .object({
        total: count,
        by_provider_sector: z.record(z.string(), count).describe('government, ngo, international, other; a person may count in two'),
      })
      .describe('persons with a service started in the year'),
    median_days_screening_to_referral: z.number().nullable().describe('days, median, 1 decimal; null over nobody'),
    median_days_referral_to_first_service: z.number().nullable().describe('days, median, 1 decimal; null over nobody'),
  })
  .meta({ id: 'AnnualReport' });

export const annualReportQuery = z
  .object({
    year: yearQuery.describe('reporting year, e.g. 2023'),
  })
  .strict();
