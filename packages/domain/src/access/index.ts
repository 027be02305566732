export * from './fields.ts';
export * from './access-policy.ts';
