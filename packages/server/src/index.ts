export * from './db/database.ts';
export type * from './db/schema.ts';
export * from './organisations/profile-organisations.ts';
export * from './shared/ids.ts';
