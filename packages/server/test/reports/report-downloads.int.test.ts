import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedProfile } from '@opennrm/domain';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';
import { TEST_KEYRING } from '../support/test-keyring.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';

/**
 * The annual report's files and traces over HTTP (GET /api/v1/reports/annual/export and /trace), on the demo,
 * whose 2023 figures are the published ones (docs/demo.md): a figure's trace lists as many records as the figure
 * counts, the analyst downloads but may not trace, and both are audited as exports.
 */
describe(`annual report downloads and traces on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let coordinator: string;
  let analyst: string;
  const get = (token: string, url: string) => api.as(token, { method: 'GET', url });

  beforeAll(async () => {
    api = await testApi();
    await loadDemo(api.nrm, shippedProfile('romania'), 'romania', { keyring: TEST_KEYRING });
    coordinator = await api.signedIn('coordinator', 'ANITP');
    analyst = await api.signedIn('analyst', 'ANITP');
  }, 120_000);
  afterAll(async () => {
    await api.close();
  });

  it('traces a figure to exactly the records it counts, with its rule', async () => {
    const report = (await get(coordinator, '/api/v1/reports/annual?year=2023')).json();
    for (const path of ['victims_identified.total', 'victims_identified.by_form.sexual_exploitation', 'victims_identified.children']) {
      const res = await get(coordinator, `/api/v1/reports/annual/trace?year=2023&figure=${path}`);
      expect(res.statusCode, path).toBe(200);
      const trace = res.json();
      const value = path.split('.').reduce((v, key) => v[key], report);
      expect(trace.value, path).toBe(value);
      expect(trace.parts[0].role).toBe('counted');
      expect(trace.parts[0].records).toHaveLength(value);
      expect(trace.figure).toMatchObject({ path, unit: 'persons', rule: expect.any(String) });
      expect(trace.parts[0].records[0].case_numbers[0]).toMatch(/^DEMO-NRM-/);
    }
    const share = (await get(coordinator, '/api/v1/reports/annual/trace?year=2023&figure=victims_assisted_share_of_identified')).json();
    expect(share.parts.map((p: { role: string }) => p.role)).toEqual(['numerator', 'denominator']);
  });

  it('names query.figure for a path that is not a figure, and refuses the analyst', async () => {
    const bad = await get(coordinator, '/api/v1/reports/annual/trace?year=2023&figure=victims_identified.nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toBe('query.figure');
    expect(bad.json().message).toContain('victims_identified.total');
    expect((await get(analyst, '/api/v1/reports/annual/trace?year=2023&figure=victims_identified.total')).statusCode).toBe(403);
  });

  it('downloads the year as CSV, Markdown and JSON with the values of the report', async () => {
    const report = (await get(analyst, '/api/v1/reports/annual?year=2023')).json();
    const csv = await get(analyst, '/api/v1/reports/annual/export?year=2023&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="opennrm-annual-report-2023.csv"');
    expect(csv.body.split('\n')).toContain(`victims_identified.total,${report.victims_identified.total}`);
    const md = await get(analyst, '/api/v1/reports/annual/export?year=2023&format=md');
    expect(md.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(md.body).toContain('(SYNTHETIC DEMO DATA)');
    expect(md.body).toContain(`| \`victims_identified.total\` | ${report.victims_identified.total} |`);
    const json = await get(analyst, '/api/v1/reports/annual/export?year=2023&format=json');
    expect(JSON.parse(json.body)).toEqual(report);
    const bad = await get(analyst, '/api/v1/reports/annual/export?year=2023&format=xlsx');
    expect(bad.json().fields[0].path).toBe('query.format');
  });

  it('audits every download and trace as an export', async () => {
    const events = await api.nrm.db
      .selectFrom('audit_event')
      .select(['record_type', 'fields', 'reason'])
      .where('action', '=', 'export')
      .where('record_type', 'in', ['annual_report', 'annual_report_trace'])
      .execute();
    expect(events).toEqual(
      expect.arrayContaining([
        { record_type: 'annual_report', fields: ['csv'], reason: 'reporting year 2023' },
        { record_type: 'annual_report', fields: ['md'], reason: 'reporting year 2023' },
        { record_type: 'annual_report_trace', fields: ['victims_identified.total'], reason: 'reporting year 2023' },
      ]),
    );
  });
});
