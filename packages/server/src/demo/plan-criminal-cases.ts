import { addDays, dateBetween, minDate } from './calendar.ts';
import type { PlannedCriminalCase, PlannedSuspect, PlannedVictim } from './demo-plan.ts';
import { splitExact, type SeededRandom } from './random.ts';
import type { DemoScenario, SuspectGroup } from './romania-scenario.ts';

/** One suspect's story in years, before dates are drawn. */
interface Draft {
  category: string;
  opened: number;
  prosecuted: number | null;
  verdict: { year: number; outcome: 'convicted' | 'acquitted'; sentence_months?: number; suspended?: boolean } | null;
  special?: SuspectGroup;
}

const UNSPECIFIED = 'unspecified';

function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
const TRAFFICKING_CATEGORY_FORMS: Record<string, string[]> = {
  sexual_exploitation: ['sexual'],
  labour_exploitation: ['labour'],
  unspecified: [],
};

/**
 * Plans trafficking cases (investigated by DIICOT) and their suspects so that
 * each year's new cases, indicted suspects and convictions are exactly the
 * scenario's, by case form category, with no year leaking into another:
 * convictions are spread back over the years of indictment (conviction lags),
 * indictments over the years of opening (indictment lags), the remaining
 * indicted suspects are acquitted or still on trial, and cases without an
 * indicted suspect fill each year's new cases up to its number.
 *
 * @throws Error when the scenario's numbers cannot hold together (e.g. more
 *   convictions from a year's indictments than suspects indicted that year).
 */
export function planCriminalCases(scenario: DemoScenario, random: SeededRandom): PlannedCriminalCase[] {
  const cj = scenario.criminal_justice;
  const asOfYear = Number(scenario.as_of.slice(0, 4));
  const categories = [...new Set(Object.values(cj.cases_opened).flatMap((c) => Object.keys(c)))];
  const cases: { drafts: Draft[]; category: string; opened: number; special?: SuspectGroup; articles?: string[] }[] = [];

  for (const category of categories) {
    const specials = cj.special_groups.filter((g) => g.category === category);
    const drafts: Draft[] = [];
    for (const [vYear, byCategory] of Object.entries(cj.traffickers_convicted)) {
      const V = Number(vYear);
      const fixed = specials.filter((g) => g.verdict?.outcome === 'convicted' && g.verdict.year === V).reduce((n, g) => n + g.count, 0);
      const n = (byCategory[category] ?? 0) - fixed;
      if (n < 0) throw new Error(`scenario: ${category} convictions ${V} are fewer than its special groups`);
      splitExact(n, cj.conviction_lag_weights).forEach((count, lag) => {
        for (let i = 0; i < count; i++)
          drafts.push({ category, opened: 0, prosecuted: V - lag, verdict: { year: V, outcome: 'convicted' } });
      });
    }
    for (const [pYear, byCategory] of Object.entries(cj.suspects_prosecuted)) {
      const P = Number(pYear);
      const have =
        drafts.filter((d) => d.prosecuted === P).length + specials.filter((g) => g.prosecuted === P).reduce((n, g) => n + g.count, 0);
      const rest = (byCategory[category] ?? 0) - have;
      if (rest < 0)
        throw new Error(
          `scenario: ${category} indictments ${P} (${byCategory[category]}) are fewer than the convictions planned from them (${have})`,
        );
      const acquitted = Math.round(rest * cj.acquittal_share);
      for (let i = 0; i < rest; i++) {
        const V =
          P +
          random.weighted([
            [0, 1],
            [1, 3],
            [2, 2],
          ]);
        const verdict = i < acquitted && V <= asOfYear ? { year: V, outcome: 'acquitted' as const } : null;
        drafts.push({ category, opened: 0, prosecuted: P, verdict });
      }
    }
    for (const d of drafts) d.opened = d.prosecuted! - random.weighted(cj.indictment_lag_weights.map((w, lag) => [lag, w] as const));

    // Suspects indicted together share a case: group by (opened, indicted) and cut into cases of 1-4.
    const groups = new Map<string, Draft[]>();
    for (const d of drafts) appendTo(groups, `${d.opened}/${d.prosecuted}`, d);
    for (const key of [...groups.keys()].sort()) {
      const members = random.shuffle(groups.get(key)!);
      for (let i = 0; i < members.length;) {
        const size = random.weighted([
          [1, 55],
          [2, 25],
          [3, 12],
          [4, 8],
        ]);
        cases.push({ drafts: members.slice(i, i + size), category, opened: members[i]!.opened });
        i += size;
      }
    }
    for (const g of specials) {
      const members = Array.from({ length: g.count }, () => ({
        category,
        opened: g.opened,
        prosecuted: g.prosecuted,
        verdict: g.verdict,
        special: g,
      }));
      cases.push({ drafts: members, category, opened: g.opened, special: g, articles: g.articles });
    }
    for (const [oYear, byCategory] of Object.entries(cj.cases_opened)) {
      const O = Number(oYear);
      const have = cases.filter((c) => c.category === category && c.opened === O).length;
      const filler = (byCategory[category] ?? 0) - have;
      if (filler < 0)
        throw new Error(
          `scenario: ${category} cases opened ${O} (${byCategory[category]}) are fewer than the cases its suspects need (${have})`,
        );
      for (let i = 0; i < filler; i++) {
        const size = random.weighted([
          [0, 30],
          [1, 50],
          [2, 20],
        ]);
        cases.push({
          drafts: Array.from({ length: size }, () => ({ category, opened: O, prosecuted: null, verdict: null })),
          category,
          opened: O,
        });
      }
    }
  }
  for (const [oYear, count] of Object.entries(cj.pimping_cases_per_year)) {
    for (let i = 0; i < count; i++) {
      const drafts = Array.from({ length: random.int(1, 2) }, () => ({
        category: 'sexual_exploitation',
        opened: Number(oYear),
        prosecuted: null,
        verdict: null,
      }));
      cases.push({ drafts, category: 'sexual_exploitation', opened: Number(oYear), articles: ['213'] });
    }
  }

  cases.sort((a, b) => a.opened - b.opened);
  const serials = new Map<number, number>();
  const planned = cases.map((c) => {
    const serial = (serials.get(c.opened) ?? 0) + 1;
    serials.set(c.opened, serial);
    return datedCase(c, `DEMO-${serial}/D/P/${c.opened}`);
  });
  assignSentences(
    planned,
    cases.map((c) => c.drafts),
  );
  return planned;

  function yearEnd(year: number): string {
    return minDate(`${year}-12-20`, scenario.as_of);
  }

  function datedCase(c: (typeof cases)[number], caseNumber: string): PlannedCriminalCase {
    const O = c.opened;
    const P = c.drafts.find((d) => d.prosecuted != null)?.prosecuted ?? null;
    const sameYearVerdict = c.drafts.some((d) => d.verdict && d.verdict.year === P);
    const openedOn = dateBetween(random, `${O}-01-08`, P === O ? `${O}-06-30` : yearEnd(O));
    let prosecutedOn: string | null = null;
    if (P != null) {
      const from = P === O ? addDays(openedOn, 30) : `${P}-01-08`;
      const to = sameYearVerdict ? minDate(`${P}-09-30`, addDays(scenario.as_of, -50)) : yearEnd(P);
      prosecutedOn = dateBetween(random, from, to);
    }
    const verdictDates = new Map<number, string>();
    const suspects = c.drafts.map((d): PlannedSuspect => {
      let verdictOn: string | null = null;
      if (d.verdict) {
        const V = d.verdict.year;
        if (!verdictDates.has(V)) verdictDates.set(V, dateBetween(random, V === P ? addDays(prosecutedOn!, 45) : `${V}-01-08`, yearEnd(V)));
        verdictOn = verdictDates.get(V)!;
      }
      const female = random.chance(c.category === 'sexual_exploitation' ? 0.22 : 0.15);
      return {
        sex: female ? 'female' : 'male',
        age: 19 + Math.floor(40 * random.next() ** 1.4),
        citizenships: [
          random.weighted([
            ['RO', 94],
            ['IT', 2],
            ['MD', 1.5],
            ['BG', 1],
            ['GB', 1],
            ['ES', 0.5],
          ]),
        ],
        role:
          d.special?.role ??
          random.weighted([
            ['recruiter', 30],
            ['exploiter', 30],
            ['controller', 15],
            ['transporter', 10],
            ['facilitator', 10],
            ['other', 5],
          ]),
        state_employee: d.special?.state_employee ?? false,
        prosecuted_on: d.prosecuted != null ? prosecutedOn : null,
        verdict: d.verdict?.outcome ?? null,
        verdict_on: verdictOn,
        sentence_months: null,
        sentence_suspended: null,
      };
    });
    const forms = c.special?.forms ?? formsOf(c.category);
    return {
      case_number: caseNumber,
      investigating_organisation: 'DIICOT',
      opened_on: openedOn,
      offence_articles: c.articles ?? articlesOf(c.category),
      category: c.category,
      forms,
      victims: [],
      suspects,
    };
  }

  function formsOf(category: string): string[] {
    if (category === 'labour_exploitation') {
      return [
        random.weighted([
          ['labour', 75],
          ['forced_begging', 12],
          ['domestic_servitude', 6],
          ['forced_criminality', 7],
        ]),
      ];
    }
    const forms = TRAFFICKING_CATEGORY_FORMS[category];
    if (!forms) throw new Error(`demo: no case forms planned for category "${category}"`);
    return forms;
  }

  function articlesOf(category: string): string[] {
    const weights: [string[], number][] =
      category === 'sexual_exploitation'
        ? [
            [['210'], 45],
            [['211'], 45],
            [['210', '211'], 10],
          ]
        : category === UNSPECIFIED
          ? [
              [['210'], 60],
              [['211'], 30],
              [['210', '211'], 10],
            ]
          : [
              [['210'], 80],
              [['211'], 10],
              [['210', '211'], 10],
            ];
    return random.weighted(weights);
  }

  function assignSentences(planned: PlannedCriminalCase[], drafts: Draft[][]): void {
    const byYear = new Map<number, { suspect: PlannedSuspect; draft: Draft }[]>();
    planned.forEach((c, i) =>
      c.suspects.forEach((suspect, j) => {
        const draft = drafts[i]![j]!;
        if (draft.verdict?.outcome !== 'convicted') return;
        appendTo(byYear, draft.verdict.year, { suspect, draft });
      }),
    );
    for (const [year, convicted] of byYear) {
      const range = cj.sentence_range_months[year];
      if (!range) throw new Error(`scenario: no sentence range for convictions in ${year}`);
      const free = random.shuffle(convicted.filter((c) => c.draft.special?.verdict?.sentence_months == null));
      const suspended = cj.suspended_sentences[year] ?? 0;
      free.forEach(({ suspect }, i) => {
        if (i < suspended) {
          // Suspension needs a sentence of at most 3 years (criminal code art. 91): shorter than the range.
          suspect.sentence_months = Math.max(12, Math.min(36, range.min - random.int(2, 8)));
          suspect.sentence_suspended = true;
          return;
        }
        const k = i - suspended;
        suspect.sentence_months =
          k === 0 ? range.min : k === 1 ? range.max : range.min + Math.round((range.max - range.min) * random.next() ** 2.6);
        suspect.sentence_suspended = false;
      });
      for (const { suspect, draft } of convicted) {
        const fixed = draft.special?.verdict;
        if (fixed?.sentence_months == null) continue;
        suspect.sentence_months = fixed.sentence_months;
        suspect.sentence_suspended = fixed.suspended ?? false;
        if (!fixed.suspended && (fixed.sentence_months < range.min || fixed.sentence_months > range.max)) {
          throw new Error(`scenario: the ${draft.special!.label} sentence is outside ${year}'s range`);
        }
      }
    }
  }
}

/**
 * Links identified victims to criminal cases of the same form category
 * opened in their year of identification or the year before (as injured
 * parties, some as witnesses), and makes each linked case's offence articles
 * agree with its victims' ages: art. 211 for a child, art. 210 for an adult.
 * A victim linked to a case counts as identified by DIICOT.
 */
export function linkVictimsToCases(victims: PlannedVictim[], cases: PlannedCriminalCase[], random: SeededRandom): void {
  const index = new Map<string, PlannedCriminalCase[]>();
  for (const c of cases) {
    if (!c.offence_articles.some((a) => a === '210' || a === '211')) continue;
    const key = `${c.category}/${c.opened_on.slice(0, 4)}`;
    appendTo(index, key, c);
  }
  victims.forEach((victim, i) => {
    if (victim.nrm_status !== 'identified' || !victim.identified_on) return;
    if (!random.chance(victim.category === UNSPECIFIED ? 0.4 : 0.7)) return;
    const year = Number(victim.identified_on.slice(0, 4));
    const identifiedOn = victim.identified_on;
    const candidates = [...(index.get(`${victim.category}/${year}`) ?? []), ...(index.get(`${victim.category}/${year - 1}`) ?? [])];
    if (candidates.length === 0) return;
    // A case opened after the identification cannot have identified the victim: try a few.
    let chosen = random.pick(candidates);
    for (let attempt = 0; attempt < 5 && chosen.opened_on > identifiedOn; attempt++) chosen = random.pick(candidates);
    if (chosen.opened_on > identifiedOn) return;
    chosen.victims.push({ victim: i, role: random.chance(0.85) ? 'injured_party' : 'witness' });
    const article = victim.is_child ? '211' : '210';
    if (!chosen.offence_articles.includes(article)) chosen.offence_articles = [...chosen.offence_articles, article].sort();
    victim.identifying_organisation = 'DIICOT';
  });
}
