export * from './db/database.ts';
export type * from './db/schema.ts';
export * from './organisations/profile-organisations.ts';
export * from './shared/ids.ts';
export { DEMO_SCENARIOS, loadDemo, type DemoLoadResult, type LoadDemoOptions } from './demo/load-demo.ts';
export { computeAnnualReport, traceFigure, type FigureTrace, type TracedRecord } from './statistics/annual-report.ts';
export { reportCsv } from './statistics/report-csv.ts';
export * from './api.ts';
export * from './imports/index.ts';
