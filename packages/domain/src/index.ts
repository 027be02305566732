export * from './nrm/codes.ts';
export * from './profile/profile-schema.ts';
export * from './profile/profiles.ts';
export * from './victims/age.ts';
export * from './victims/reporting-year.ts';
export * from './statistics/annual-report.ts';
export * from './statistics/form-categories.ts';
export * from './statistics/report-markdown.ts';
