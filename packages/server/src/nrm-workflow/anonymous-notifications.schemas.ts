import { z } from 'zod';
import { CTDC_AGE_BANDS, FORMS_OF_EXPLOITATION, SEXES, problem, problemText } from '@opennrm/domain';
import { countryCode, isoDate, pageOf, pageQuery, regionCode, yearQuery } from '../http/common.schemas.ts';

const uniqueList = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .max(20)
    .refine((v) => new Set(v).size === v.length, { message: problemText(problem('values_repeat')), params: problem('values_repeat') });

export const anonymousNotificationBody = z
  .object({
    notified_on: isoDate.describe('the day the person was met and declined'),
    sex: z.enum(SEXES),
    age_band: z
      .enum(CTDC_AGE_BANDS)
      .nullable()
      .optional()
      .describe('a CTDC age band (the one list every notification uses, so counts add up); never an exact age or date of birth'),
    citizenships: uniqueList(countryCode).default([]),
    forms: uniqueList(z.enum(FORMS_OF_EXPLOITATION)).default([]).describe('forms of exploitation'),
    region: regionCode.nullable().optional().describe('where the person was met'),
    countries_of_exploitation: uniqueList(countryCode).default([]),
  })
  .strict();

export const anonymousNotificationSchema = z
  .object({
    id: z.uuid(),
    notified_on: isoDate,
    notifying_organisation_code: z.string().nullable(),
    sex: z.enum(SEXES),
    age_band: z.string().nullable(),
    citizenships: z.array(z.string()),
    forms: z.array(z.enum(FORMS_OF_EXPLOITATION)),
    region: z.string().nullable(),
    countries_of_exploitation: z.array(z.string()),
    withdrawn_on: isoDate.nullable().describe('set when the person came back into the mechanism: the notification no longer counts'),
    synthetic: z.boolean(),
  })
  .meta({ id: 'AnonymousNotification' });

export const anonymousNotificationQuery = pageQuery.extend({ year: yearQuery.optional().describe('notified in this year') }).strict();
export const anonymousNotificationPage = pageOf(anonymousNotificationSchema);

export type AnonymousNotificationInput = z.infer<typeof anonymousNotificationBody>;
export type AnonymousNotificationView = z.infer<typeof anonymousNotificationSchema>;
export type AnonymousNotificationQuery = z.infer<typeof anonymousNotificationQuery>;
