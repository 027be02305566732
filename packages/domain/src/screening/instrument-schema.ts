import { z } from 'zod';

/**
 * A screening instrument as data: indicator lists, the rule that says when a
 * dimension is met, the combinations that make a presumed victim, and the
 * Palermo Protocol art. 3 mapping. A revised ILO list or another country's
 * instrument is a new JSON file under packages/domain/instruments/, not code
 * (principle 3). docs/screening.md says where each rule comes from and what
 * is still to be verified.
 */

export const GRADES = ['strong', 'medium', 'weak'] as const;
export type Grade = (typeof GRADES)[number];

export const VICTIM_TYPES = ['adult', 'child'] as const;
export type VictimType = (typeof VICTIM_TYPES)[number];

export const EXPLOITATION_TYPES = ['labour', 'sexual'] as const;
export type ExploitationType = (typeof EXPLOITATION_TYPES)[number];

/** The Palermo element that stands for "the act" in a combination rule (see `palermo.act`). */
export const ACT_ELEMENT = 'act';

const code = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'a snake_case code such as "coercion_at_destination"');
const id = z
  .string()
  .regex(/^[a-z][a-z0-9_.]{1,127}$/, 'a dotted snake_case id such as "adult_labour.coercion_at_destination.debt_bondage"');

/** Where a rule or indicator comes from. A page or a section must locate it; `verify` marks what was not read in the primary text. */
export const ruleSourceSchema = z
  .object({
    /** An id of the instrument's `sources`. */
    ref: z.string().min(1),
    page: z.string().nullable(),
    section: z.string().min(3).optional(),
    /** True until someone has checked this against the primary text. */
    verify: z.boolean(),
    note: z.string().optional(),
  })
  .refine((s) => s.page != null || s.section != null, { message: 'give the page or the section the rule is on' });
export type RuleSource = z.infer<typeof ruleSourceSchema>;

/** A question as shown to the responder: a translation key, with the English text. Other languages live in the translation files. */
const questionSchema = z.object({ key: z.string().regex(/^[a-z][a-z0-9_.]+$/), en: z.string().min(5) });

export const indicatorSchema = z.object({
  id,
  dimension: code,
  grade: z.enum(GRADES),
  /** The indicator's wording in the source list. */
  label: z.string().min(3),
  question: questionSchema,
  source: ruleSourceSchema,
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const indicatorSetSchema = z.object({
  code,
  victim: z.enum(VICTIM_TYPES),
  exploitation: z.enum(EXPLOITATION_TYPES),
  title: z.string(),
  /** not_transcribed: the list is known to exist but is not in this file yet; such a set cannot be screened. */
  status: z.enum(['transcribed', 'not_transcribed']),
  indicators: z.array(indicatorSchema),
});
export type IndicatorSet = z.infer<typeof indicatorSetSchema>;

export const dimensionSchema = z.object({
  code,
  number: z.number().int().positive(),
  title: z.string(),
  phase: z.enum(['recruitment', 'destination']),
  source: ruleSourceSchema,
});
export type Dimension = z.infer<typeof dimensionSchema>;

/** One way of meeting a dimension: at least this many distinct "yes" indicators of each grade. */
export const thresholdSchema = z.object({
  id: code,
  label: z.string(),
  min: z.object({
    strong: z.number().int().min(0).optional(),
    medium: z.number().int().min(0).optional(),
    weak: z.number().int().min(0).optional(),
  }),
});
export type Threshold = z.infer<typeof thresholdSchema>;

/** A combination: every clause of `all_of` must have one of its items met (a dimension code, or "act"). */
export const combinationRuleSchema = z.object({
  id: code,
  victim: z.enum(VICTIM_TYPES),
  description: z.string(),
  all_of: z.array(z.array(z.string()).min(1)).min(1),
  source: ruleSourceSchema,
});
export type CombinationRule = z.infer<typeof combinationRuleSchema>;

const elementSchema = z.object({ dimensions: z.array(code) });

export const instrumentSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
    title: z.string(),
    edition: z.string(),
    /** incomplete: some list or rule is missing or unverified; `gaps` says which. */
    status: z.enum(['complete', 'incomplete']),
    gaps: z.array(z.string()),
    sources: z
      .array(z.object({ id: z.string().min(1), short: z.string().min(2), title: z.string(), url: z.string().url().optional() }))
      .min(1),
    dimensions: z.array(dimensionSchema).min(1),
    dimension_rule: z.object({
      id: code,
      description: z.string(),
      source: ruleSourceSchema,
      combinations: z.array(thresholdSchema).min(1),
    }),
    /** Questions that establish the Palermo act directly (recruitment, transport, transfer, harbouring, receipt). */
    act_questions: z.array(z.object({ id, label: z.string(), question: questionSchema, source: ruleSourceSchema })),
    /** Palermo Protocol art. 3: which dimensions (and act questions) stand for act, means and purpose. */
    palermo: z.object({
      source: ruleSourceSchema,
      act: elementSchema.extend({ questions: z.array(id) }),
      means: elementSchema,
      purpose: elementSchema,
      means_required: z.object({ adult: z.boolean(), child: z.boolean() }),
    }),
    combination_rules: z.array(combinationRuleSchema).min(1),
    sets: z.array(indicatorSetSchema).min(1),
  })
  .superRefine((ins, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    const sourceIds = new Set(ins.sources.map((s) => s.id));
    const checkSource = (source: RuleSource, path: (string | number)[]) => {
      if (!sourceIds.has(source.ref)) issue([...path, 'ref'], `unknown source "${source.ref}"`);
    };
    const dims = new Set<string>();
    ins.dimensions.forEach((d, i) => {
      if (dims.has(d.code)) issue(['dimensions', i, 'code'], `duplicate dimension "${d.code}"`);
      dims.add(d.code);
      checkSource(d.source, ['dimensions', i, 'source']);
    });
    checkSource(ins.dimension_rule.source, ['dimension_rule', 'source']);
    ins.dimension_rule.combinations.forEach((t, i) => {
      const { strong = 0, medium = 0, weak = 0 } = t.min;
      // ILO rule: weak indicators alone never meet a dimension; a threshold of nothing would meet every dimension.
      if (strong + medium === 0)
        issue(['dimension_rule', 'combinations', i, 'min'], 'a threshold needs at least one strong or medium indicator');
      if (strong + medium + weak < 2) issue(['dimension_rule', 'combinations', i, 'min'], 'a threshold needs at least two indicators');
    });
    const questionIds = new Set(ins.act_questions.map((q) => q.id));
    ins.act_questions.forEach((q, i) => checkSource(q.source, ['act_questions', i, 'source']));
    checkSource(ins.palermo.source, ['palermo', 'source']);
    for (const element of ['act', 'means', 'purpose'] as const) {
      ins.palermo[element].dimensions.forEach((d, i) => {
        if (!dims.has(d)) issue(['palermo', element, 'dimensions', i], `unknown dimension "${d}"`);
      });
    }
    ins.palermo.act.questions.forEach((q, i) => {
      if (!questionIds.has(q)) issue(['palermo', 'act', 'questions', i], `unknown act question "${q}"`);
    });
    for (const victim of VICTIM_TYPES) {
      const rules = ins.combination_rules.filter((r) => r.victim === victim);
      if (rules.length !== 1)
        issue(['combination_rules'], `expected exactly one combination rule for ${victim} victims, found ${rules.length}`);
    }
    ins.combination_rules.forEach((r, i) => {
      checkSource(r.source, ['combination_rules', i, 'source']);
      r.all_of.forEach((clause, j) =>
        clause.forEach((item, k) => {
          if (item !== ACT_ELEMENT && !dims.has(item)) {
            issue(['combination_rules', i, 'all_of', j, k], `unknown dimension "${item}" (or "${ACT_ELEMENT}")`);
          }
        }),
      );
    });
    const ids = new Set<string>(questionIds);
    const setCodes = new Set<string>();
    ins.sets.forEach((set, s) => {
      if (setCodes.has(set.code)) issue(['sets', s, 'code'], `duplicate set "${set.code}"`);
      setCodes.add(set.code);
      if (set.status === 'not_transcribed' && set.indicators.length > 0) {
        issue(['sets', s, 'status'], 'a set with indicators is transcribed');
      }
      set.indicators.forEach((ind, i) => {
        const path = ['sets', s, 'indicators', i];
        if (ids.has(ind.id)) issue([...path, 'id'], `duplicate indicator id "${ind.id}"`);
        ids.add(ind.id);
        if (!dims.has(ind.dimension)) issue([...path, 'dimension'], `unknown dimension "${ind.dimension}"`);
        checkSource(ind.source, [...path, 'source']);
      });
      if (set.status === 'transcribed') {
        for (const d of dims) {
          if (!set.indicators.some((ind) => ind.dimension === d)) issue(['sets', s, 'indicators'], `no indicator for dimension "${d}"`);
        }
      }
    });
    if (ins.status === 'complete' && ins.gaps.length > 0) issue(['gaps'], 'a complete instrument lists no gaps');
    if (ins.status === 'incomplete' && ins.gaps.length === 0) issue(['gaps'], 'say what is missing from an incomplete instrument');
  });

export type ScreeningInstrument = z.infer<typeof instrumentSchema>;

/** Instrument data that failed validation; `issues` name each field path and reason. */
export class InstrumentError extends Error {
  readonly issues: { path: string; message: string }[];
  constructor(name: string, issues: { path: string; message: string }[]) {
    super(`screening instrument "${name}" is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    this.name = 'InstrumentError';
    this.issues = issues;
  }
}

/**
 * Validates raw instrument data (e.g. a parsed packages/domain/instruments/*.json).
 *
 * @param name a name for messages (file name or code).
 * @throws InstrumentError naming every invalid field by its path, e.g.
 *   `sets.0.indicators.3.grade: Invalid option: expected one of "strong"|"medium"|"weak"`.
 */
export function parseInstrument(name: string, data: unknown): ScreeningInstrument {
  const result = instrumentSchema.safeParse(data);
  if (!result.success) {
    throw new InstrumentError(
      name,
      result.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })),
    );
  }
  return result.data;
}
