import { z } from 'zod';
import { problem, problemText } from '../problems/catalogue.ts';
import { sourceI18nSchema } from '../profile/source-i18n.ts';

/**
 * The profile's `victims_in_proceedings` section (issue 6 point 4): how a
 * country protects a victim who takes part in criminal proceedings. The
 * settings a hearing may be held in, the programmes a victim may join, the
 * protection measures a prosecutor or judge may order, and when legal counsel
 * is mandatory. Every entry names its legal source; `verify: true` marks an
 * entry not yet checked against the primary legal text.
 */

const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a lower-case code such as "separate_room"');
const source = z.string().min(3, 'name the law article, standard or publication the rule comes from');

/** A listed code (hearing setting, programme or protection measure) with its name and source. */
export const proceedingsCodeSchema = z.object({
  code,
  name: z.string().min(2),
  source,
  verify: z.boolean().default(false),
});

/** Report keys a programme can be counted under (keys of the published annual report). */
export const PROGRAMME_REPORT_FIGURES = ['victims_in_witness_coordination_programme', 'victims_in_witness_protection_programme'] as const;
export type ProgrammeReportFigure = (typeof PROGRAMME_REPORT_FIGURES)[number];

export const programmeSchema = proceedingsCodeSchema.extend({
  /** The annual report figure that counts the programme's participants, if any (docs/statistics.md). */
  report_figure: z.enum(PROGRAMME_REPORT_FIGURES).optional(),
});

/** Who must have legal counsel at every hearing: every victim, only children, or nobody by law. */
export const MANDATORY_COUNSEL_SCOPES = ['all_victims', 'children', 'nobody'] as const;
export type MandatoryCounselScope = (typeof MANDATORY_COUNSEL_SCOPES)[number];

export const mandatoryCounselSchema = z.object({
  applies_to: z.enum(MANDATORY_COUNSEL_SCOPES),
  /** What a hearing held without mandatory counsel costs, in the law's words (shown with the flag). */
  consequence: z.string().min(3),
  /** `consequence` by language code of the profile (profile/source-i18n.ts): the screen shows it in the user's language. */
  consequence_i18n: sourceI18nSchema,
  source,
  source_i18n: sourceI18nSchema,
  verify: z.boolean().default(false),
});

export const victimsInProceedingsSchema = z
  .object({
    hearing_settings: z.array(proceedingsCodeSchema).default([]),
    programmes: z.array(programmeSchema).default([]),
    protection_measures: z.array(proceedingsCodeSchema).default([]),
    mandatory_counsel: mandatoryCounselSchema,
    /** Where the section's rules come from (the country's victim-protection law). */
    source,
  })
  .superRefine((section, ctx) => {
    for (const list of ['hearing_settings', 'programmes', 'protection_measures'] as const) {
      const seen = new Set<string>();
      section[list].forEach((entry, i) => {
        const duplicate = problem('duplicate_code', { code: entry.code });
        if (seen.has(entry.code))
          ctx.addIssue({ code: 'custom', path: [list, i, 'code'], message: problemText(duplicate), params: duplicate });
        seen.add(entry.code);
      });
    }
    const figures = new Set<string>();
    section.programmes.forEach((p, i) => {
      if (!p.report_figure) return;
      if (figures.has(p.report_figure)) {
        const twice = problem('figure_counted_twice', { figure: p.report_figure });
        ctx.addIssue({ code: 'custom', path: ['programmes', i, 'report_figure'], message: problemText(twice), params: twice });
      }
      figures.add(p.report_figure);
    });
  });

export type VictimsInProceedingsRules = z.infer<typeof victimsInProceedingsSchema>;
export type ProceedingsCode = z.infer<typeof proceedingsCodeSchema>;
export type Programme = z.infer<typeof programmeSchema>;

const DIRECTIVE = 'Directive 2011/36/EU art. 12 (protection of victims in criminal investigation and proceedings)';

/**
 * What a profile without `victims_in_proceedings` gets: the hearing settings
 * and measures EU law names for trafficking victims, no national programme,
 * and counsel mandatory for children (Directive 2011/36/EU art. 15(2)).
 */
export const DEFAULT_VICTIMS_IN_PROCEEDINGS: VictimsInProceedingsRules = {
  hearing_settings: [
    {
      code: 'separate_room',
      name: 'Heard in premises designed for the purpose',
      source: `${DIRECTIVE}(4)(b); Directive 2012/29/EU art. 23(2)(a)`,
      verify: false,
    },
    {
      code: 'video_link',
      name: 'Heard by video link, not in the courtroom',
      source: `${DIRECTIVE}(4)(d); Directive 2012/29/EU art. 23(3)(a)`,
      verify: false,
    },
    {
      code: 'closed_court',
      name: 'Hearing without the public',
      source: `${DIRECTIVE}(4)(d); Directive 2012/29/EU art. 23(3)(d)`,
      verify: false,
    },
    { code: 'psychologist_present', name: 'A psychologist present', source: 'Directive 2012/29/EU art. 20(c)', verify: false },
  ],
  programmes: [],
  protection_measures: [],
  mandatory_counsel: {
    applies_to: 'children',
    consequence: 'the hearing breaches the child victim’s right to legal representation',
    source: 'Directive 2011/36/EU art. 15(2)',
    verify: false,
  },
  source: DIRECTIVE,
};
