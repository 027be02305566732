export * from './errors.ts';
export * from './keyring.ts';
export * from './key-file.ts';
export * from './envelope.ts';
export * from './normalise.ts';
export * from './blind-index.ts';
export type * from './identity-tables.ts';
export * from './identity-store.ts';
export * from './rotation.ts';
