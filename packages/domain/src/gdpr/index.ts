/** GDPR rules of OpenNRM: consent, retention, erasure (issue 3, point 7). docs/gdpr.md explains them. */
export * from './consent.ts';
export * from './retention.ts';
export * from './erasure.ts';
