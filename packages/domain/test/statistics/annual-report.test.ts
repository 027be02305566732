import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  annualReportFigures,
  assembleReport,
  categoriesOfForms,
  parseProfile,
  reportMarkdown,
  reportValues,
  shareOf,
  shippedProfile,
  yearStart,
} from '../../src/index.ts';
import { sharedPath } from '../../../server/test/support/shared-path.ts';

const romania = shippedProfile('romania');
const published = JSON.parse(readFileSync(sharedPath('data', 'romania-published-figures.json'), 'utf8')) as {
  years: Record<string, Record<string, unknown>>;
};

/** Dotted paths of the leaves of a published year; prose notes and per-currency amounts are not figures. */
function leafPaths(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, value]) => {
    if (key.startsWith('note')) return [];
    const path = `${prefix}${key}`;
    if (value != null && typeof value === 'object' && !/damages|usd_equivalents/.test(key))
      return leafPaths(value as Record<string, unknown>, `${path}.`);
    return [path];
  });
}

describe('annual report shape', () => {
  const paths = annualReportFigures(romania).map((f) => f.path);

  it('has every figure of the published years under the same key', () => {
    for (const year of ['2023', '2022']) {
      for (const path of leafPaths(published.years[year]!)) expect(paths, `${year}: ${path}`).toContain(path);
    }
  });

  it('adds no figure beyond the published ones except the profile categories', () => {
    const publishedPaths = new Set([...leafPaths(published.years['2023']!), ...leafPaths(published.years['2022']!)]);
    // Issue 4 point 7: figures Romania does not publish, in this order after the NGO assistance share.
    const screeningAndTimings = [
      'screenings.total',
      ...romania.screening_contexts.map((c) => `screenings.by_context.${c.code}`),
      ...['no_indicators', 'potential_victim', 'presumed_victim'].map((o) => `screenings.by_outcome.${o}`),
      'victims_assisted.total',
      ...['government', 'ngo', 'international', 'other'].map((s) => `victims_assisted.by_provider_sector.${s}`),
      'median_days_screening_to_referral',
      'median_days_referral_to_first_service',
    ];
    const share = paths.indexOf('victims_assisted_share_of_identified');
    expect(paths.slice(share + 1, share + 1 + screeningAndTimings.length)).toEqual(screeningAndTimings);
    // Issue 4 points 3 and 5 (nrmWorkflowFigures): anonymous notifications and residence statuses, right after them.
    const nrmWorkflow = [
      'anonymous_notifications.total',
      ...[...Object.keys(romania.annual_report.form_categories), 'unspecified'].map((c) => `anonymous_notifications.by_form.${c}`),
      ...['reflection_period', 'temporary_residence_permit', 'tolerated_stay', 'asylum'].map(
        (s) => `foreign_victims_by_residence_status.${s}`,
      ),
    ];
    const after = share + 1 + screeningAndTimings.length;
    expect(paths.slice(after, after + nrmWorkflow.length)).toEqual(nrmWorkflow);
    const extra = paths.filter((p) => !publishedPaths.has(p) && !screeningAndTimings.includes(p) && !nrmWorkflow.includes(p));
    expect(extra).toEqual([
      'victims_identified.by_form.other_exploitation',
      'investigations_new.by_form.other_exploitation',
      'suspects_prosecuted.by_form.other_exploitation',
      'traffickers_convicted.by_form.other_exploitation',
      // Issue 6 point 6: the sentence median, closures by limitation, state employees by stage and interviews per victim.
      'prison_sentence_range_months.median',
      'cases_closed_statute_of_limitations',
      'state_employees.investigated',
      'state_employees.prosecuted',
      'state_employees.convicted',
      ...['victims_heard', 'hearings', 'mean', 'median', 'max'].map((m) => `interviews_per_victim.${m}`),
      'compensation_court_orders.usd_equivalent_rates',
      'shelter_places_by_county',
    ]);
  });

  it('gives every computed figure a rule and a source, and every null one a reason', () => {
    for (const f of annualReportFigures(romania)) {
      expect(f.source.length, f.path).toBeGreaterThan(10);
      if (f.rule == null) expect(f.not_modelled, f.path).toMatch(/\w/);
    }
  });

  it('assembles nested JSON in published order, null for figures without a value', () => {
    const figures = annualReportFigures(romania);
    const report = assembleReport(figures, new Map([['victims_identified.by_form.unspecified', 99]]));
    expect(Object.keys(report)[0]).toBe('victims_identified');
    expect(report.victims_identified.by_form.unspecified).toBe(99);
    expect(report.victims_identified.total).toBeNull();
    expect(report.compensation_court_orders).toEqual({
      victims: null,
      moral_damages: null,
      material_damages: null,
      usd_equivalents: null,
      usd_equivalent_rates: null,
      victims_paid: null,
    });
    expect(reportValues(report, figures).find((v) => v.path === 'victims_identified.by_form.unspecified')?.value).toBe(99);
  });

  it('renders a Markdown table of figure, value and rule', () => {
    const figures = annualReportFigures(romania);
    const md = reportMarkdown('Romania 2023', assembleReport(figures, new Map([['victims_identified.total', 428]])), figures);
    expect(md).toMatch(/^# Romania 2023\n/);
    expect(md).toContain('| `victims_identified.total` | 428 | persons with a victim case whose NRM status is "identified"');
    expect(md).toContain('| `anti_trafficking_budget_RON` | — | not modelled: budgets are not modelled |');
  });

  it('gives each county of shelter places its own Markdown rows, and says when the data is the synthetic demo', () => {
    const figures = annualReportFigures(romania);
    const report = assembleReport(
      figures,
      new Map([['shelter_places_by_county', { 'RO-B': { facilities: 2, capacity: 30, free_places: 4 } }]]),
    );
    const md = reportMarkdown('Romania 2023', report, figures, 'synthetic');
    expect(md).toMatch(/^# Romania 2023 \(SYNTHETIC DEMO DATA\)\n/);
    expect(md).toMatch(/\| `shelter_places_by_county.RO-B.facilities` \| 2 \| \S/);
    expect(md).toContain('| `shelter_places_by_county.RO-B.capacity` | 30 |  |');
    expect(md).toContain('| `shelter_places_by_county.RO-B.free_places` | 4 |  |');
    expect(md).not.toContain('{');
    expect(reportMarkdown('Romania 2023', report, figures, 'partly_synthetic')).toMatch(
      /^# Romania 2023 \(includes SYNTHETIC DEMO DATA\)\n/,
    );
  });
});

describe('counting helpers', () => {
  it('puts a victim in every category it has a form in, and unspecified only without forms', () => {
    expect(categoriesOfForms(romania, ['sexual', 'forced_begging'])).toEqual(['sexual_exploitation', 'labour_exploitation']);
    expect(categoriesOfForms(romania, ['domestic_servitude', 'labour'])).toEqual(['labour_exploitation']);
    expect(categoriesOfForms(romania, [])).toEqual(['unspecified']);
  });

  it('rounds shares to two decimals and has none over nobody', () => {
    expect(shareOf(180, 492)).toBe(0.37);
    expect(shareOf(2, 3)).toBe(0.67);
    expect(shareOf(0, 0)).toBeNull();
  });

  it('starts a year at local midnight in the profile time zone', () => {
    expect(yearStart(2023, 'Europe/Bucharest')).toBe('2023-01-01T00:00:00+02:00');
    expect(yearStart(2024, 'UTC')).toBe('2024-01-01T00:00:00+00:00');
    expect(yearStart(2023, 'America/St_Johns')).toBe('2023-01-01T00:00:00-03:30');
  });
});

describe('place figures in the profile', () => {
  const raw = JSON.parse(JSON.stringify(romania)) as Record<string, { place_figures: unknown[] } & Record<string, unknown>>;

  it('ships the two Romania place figures', () => {
    expect(romania.annual_report.place_figures.map((f) => f.key)).toEqual([
      'romanian_exploited_in_romania',
      'romanian_exploited_in_western_europe',
    ]);
    expect(romania.annual_report.time_zone).toBe('Europe/Bucharest');
  });

  it('rejects an unknown country group, or both countries and a group', () => {
    raw.annual_report!.place_figures = [{ key: 'x', citizens: 'RO', country_group: 'nordics' }];
    expect(() => parseProfile('t', raw)).toThrow(/annual_report.place_figures.0.country_group: unknown country group "nordics"/);
    raw.annual_report!.place_figures = [{ key: 'x', citizens: 'RO', countries: ['RO'], country_group: 'western_europe' }];
    expect(() => parseProfile('t', raw)).toThrow(/exactly one of "countries" or "country_group"/);
    raw.annual_report!.place_figures = [];
    raw.annual_report!.time_zone = 'Mars/Olympus';
    expect(() => parseProfile('t', raw)).toThrow(/annual_report.time_zone: an IANA time zone/);
  });
});
