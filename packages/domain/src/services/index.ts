/** The service directory, referral timers, gaps and financial support of issue 4, point 4 (docs/services.md). */
export * from './service-catalogue.ts';
export * from './decline-reasons.ts';
export * from './services-profile.ts';
export * from './referral-timers.ts';
export * from './licence-status.ts';
export * from './financial-support.ts';
export * from './directory-figures.ts';
