import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile, type AnnualReport } from '@opennrm/domain';
import { freshDatabase, TEST_DB_KIND } from '../support/test-database.ts';
import type { NrmDatabase } from '../../src/db/database.ts';
import { importCtdcFile } from '../../src/imports/ctdc/import-ctdc.ts';
import { computeAnnualReport } from '../../src/statistics/annual-report.ts';
import { sharedPath } from '../support/shared-path.ts';

const CTDC_FILE = sharedPath('data', 'ctdc', 'ctdc-global-2020-subset.csv');
const profile = shippedProfile('romania');
const WESTERN_EUROPE = new Set(profile.country_groups.western_europe);

/**
 * The 2016 victim figures counted straight from the CSV, independently of the
 * importer and of the SQL: one row is one victim registered that year; a flag
 * "1" gives a form; a band ending under 18 is a child; "", "0" and "-99" are
 * unknown citizenships and countries.
 */
function countFromCsv(year: string) {
  const rows = parse(readFileSync(CTDC_FILE), { columns: true }) as Record<string, string>[];
  const known = (v: string | undefined) => (v && v !== '0' && v !== '-99' ? v : null);
  const c = {
    total: 0,
    sexual: 0,
    labour: 0,
    unspecified: 0,
    children: 0,
    girls: 0,
    foreign: 0,
    uaLabour: 0,
    roInRo: 0,
    roInWe: 0,
    labourInRo: 0,
  };
  for (const r of rows) {
    if (r.yearOfRegistration !== year) continue;
    c.total++;
    const sexual = r.isSexualExploit === '1';
    const labour = r.isForcedLabour === '1';
    const band = /^(\d+)--(\d+)$/.exec(r.ageBroad ?? '');
    const child = band != null && Number(band[2]) < 18;
    const citizenship = known(r.citizenship);
    const country = known(r.CountryOfExploitation);
    if (sexual) c.sexual++;
    if (labour) c.labour++;
    if (!sexual && !labour) c.unspecified++;
    if (child) c.children++;
    if (child && r.gender === 'Female' && sexual) c.girls++;
    if (citizenship && citizenship !== 'RO') c.foreign++;
    if (citizenship === 'UA' && labour) c.uaLabour++;
    if (citizenship === 'RO' && country === 'RO') c.roInRo++;
    if (citizenship === 'RO' && country && WESTERN_EUROPE.has(country)) c.roInWe++;
    if (labour && country === 'RO') c.labourInRo++;
  }
  return c;
}

describe(`annual report over the real CTDC file on ${TEST_DB_KIND}`, () => {
  let nrm: NrmDatabase;
  let report: AnnualReport;

  beforeAll(async () => {
    nrm = await freshDatabase();
    await importCtdcFile(nrm, CTDC_FILE, { currentYear: 2020 });
    report = await computeAnnualReport(nrm.db, profile, 2016);
  });
  afterAll(async () => {
    await nrm.close();
  });

  it('gives the 2016 victim figures an independent count of the CSV gives', () => {
    const c = countFromCsv('2016');
    expect(c.total).toBe(16399);
    expect(report.victims_identified).toEqual({
      total: c.total,
      by_form: { sexual_exploitation: c.sexual, labour_exploitation: c.labour, other_exploitation: 0, unspecified: c.unspecified },
      children: c.children,
      girls_sexual_exploitation: c.girls,
      foreign_citizens: c.foreign,
      foreign_ukrainian_refugees_labour: c.uaLabour,
      romanian_exploited_in_romania: c.roInRo,
      romanian_exploited_in_western_europe: c.roInWe,
    });
    expect(report.labour_cases_share_in_romania).toBe(Math.round((c.labourInRo / c.labour) * 100) / 100);
  });

  it('reports figures CTDC data does not record (referrals, assistance, criminal cases) as null, not 0', () => {
    expect(report.victims_referred_to_assistance).toBeNull();
    expect(report.victims_assisted_by_ngos).toBeNull();
    expect(report.victims_assisted_share_of_identified).toBeNull();
    expect(report.investigations_new.total).toBeNull();
    expect(report.suspects_prosecuted.by_form.sexual_exploitation).toBeNull();
    expect(report.traffickers_convicted.total).toBeNull();
    expect(report.state_employees_investigated_and_prosecuted).toBeNull();
  });

  it('adds nothing when the same file is imported again', async () => {
    await importCtdcFile(nrm, CTDC_FILE, { currentYear: 2020 });
    expect(await computeAnnualReport(nrm.db, profile, 2016)).toEqual(report);
  });
});
