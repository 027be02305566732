import { z } from 'zod';
import { yearQuery } from '../http/common.schemas.ts';

const formCounts = z
  .record(z.string(), z.number().int())
  .describe('persons or cases per report category of the profile, plus "unspecified"');
const countByForm = z.object({ total: z.number().int(), by_form: formCounts });

/**
 * The annual report (AnnualReport in @opennrm/domain). The main figures are
 * typed; the others pass through with the key names of
 * shared/data/romania-published-figures.json, null where the data cannot support them.
 */
export const annualReportSchema = z
  .looseObject({
    victims_identified: z
      .looseObject({
        total: z.number().int().describe('victims identified in the year, each counted once'),
        by_form: formCounts.describe('victims per form category; a victim with two forms counts in both'),
        children: z.number().int(),
        foreign_citizens: z.number().int(),
      })
      .describe('persons'),
    victims_referred_to_assistance: z.number().int().describe('persons'),
    victims_assisted_by_ngos: z.number().int().describe('persons'),
    victims_assisted_share_of_identified: z.number().nullable().describe('ratio 0..1'),
    investigations_new: countByForm.describe('criminal cases opened in the year'),
    suspects_prosecuted: countByForm.describe('suspects'),
    traffickers_convicted: countByForm.describe('convicted suspects'),
    prison_sentence_range_months: z.object({ min: z.number().nullable(), max: z.number().nullable() }).describe('months'),
  })
  .meta({ id: 'AnnualReport' });

export const annualReportQuery = z
  .object({
    year: yearQuery.describe('reporting year, e.g. 2023'),
  })
  .strict();
