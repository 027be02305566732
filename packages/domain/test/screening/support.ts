import { evaluateScreening, shippedInstrument, type Answer, type ScreeningInput, type ScreeningInstrument } from '../../src/index.ts';

/** The shipped ILO/EC 2009 instrument, validated. */
export const ilo = shippedInstrument('ilo-ec-2009');

/** Full indicator id of the adult labour set: al('coercion_at_destination', 'debt_bondage'). */
export const al = (dimension: string, slug: string) => `adult_labour.${dimension}.${slug}`;
/** Full indicator id of the child labour set. */
export const cl = (dimension: string, slug: string) => `child_labour.${dimension}.${slug}`;
export const ACT = 'act.recruited_moved_or_received';

/** Answers with every listed id "yes". */
export const yes = (...ids: string[]): Record<string, Answer> => Object.fromEntries(ids.map((id) => [id, 'yes' as const]));

export function screenAdult(answers: Record<string, Answer>, instrument: ScreeningInstrument = ilo) {
  return evaluateScreening(instrument, { victim: 'adult', exploitation: 'labour', answers });
}
export function screenChild(answers: Record<string, Answer>, extra: Partial<ScreeningInput> = {}) {
  return evaluateScreening(ilo, { victim: 'child', exploitation: 'labour', answers, ...extra });
}
export const met = (result: { dimensions_met: { dimension: string }[] }) => result.dimensions_met.map((d) => d.dimension);
