/**
 * The audit trail of issue 3, point 4: who did what to which record, when,
 * from where and why; append-only and hash-chained. docs/audit.md explains it.
 */
export * from './audit-event.ts';
export * from './canonical-form.ts';
export * from './append-audit-event.ts';
export * from './verify-audit-chain.ts';
export * from './access-history.ts';
export * from './unusual-access.ts';
export * from './cli-audit.ts';
export type { AuditEventTable, AuditChainHeadTable, AuditTables, AuditDatabase } from './audit-tables.ts';
export { withAuditTables } from './audit-tables.ts';
