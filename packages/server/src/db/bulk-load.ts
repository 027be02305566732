import type { BulkTransaction } from './database.ts';

/** What suspendIndexesAndForeignKeys took off the tables, as SQL that puts it back. */
export interface SuspendedSchema {
  /** Names of the indexes and constraints dropped, for logs and tests. */
  readonly dropped: readonly string[];
  /**
   * Re-creates every dropped index and unique constraint (each one a single
   * sort of the table), then re-adds the foreign keys, each validated by one
   * set-based query over the table instead of a trigger per row.
   * @throws PostgreSQL's error (23505 unique, 23503 foreign key) when the loaded rows break a constraint.
   */
  restore(): Promise<void>;
}

/** Memory for each index build while restoring (PostgreSQL's default is 64MB). */
const RESTORE_MAINTENANCE_WORK_MEM = '256MB';
/** Memory for the hash join of each foreign-key check while restoring (default 4MB). */
const RESTORE_WORK_MEM = '64MB';

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Locks, in one fixed order, what a bulk load of `tables` will need until the
 * transaction ends: SHARE ROW EXCLUSIVE on every other table their foreign
 * keys reference (re-adding a foreign key needs it), then ACCESS EXCLUSIVE
 * on `tables`. Call it first in the transaction, before writing anything:
 * taking these locks later, while another transaction waits on a table
 * written here, could deadlock (two imports, each holding what the other
 * needs). Waits for transactions that hold conflicting locks to end.
 */
export async function lockForBulkLoad(tx: BulkTransaction, tables: readonly string[]): Promise<void> {
  const referenced = await tx.query<{ table_name: string }>(
    `SELECT DISTINCT cl.relname AS table_name FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.confrelid
     WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[]) AND NOT c.confrelid = ANY($1::regclass[])
     ORDER BY 1`,
    [tables],
  );
  if (referenced.length > 0)
    await tx.query(`LOCK TABLE ${referenced.map((r) => quoteIdent(r.table_name)).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
  await tx.query(`LOCK TABLE ${tables.map(quoteIdent).join(', ')} IN ACCESS EXCLUSIVE MODE`);
}

/**
 * Takes the secondary indexes, unique constraints and foreign keys off
 * `tables` inside the bulk transaction, so that a large COPY writes only the
 * heap and the indexes other tables' foreign keys need (the primary keys).
 * Their definitions are read from the catalogue (pg_get_indexdef,
 * pg_get_constraintdef), never copied from a migration, so `restore()` puts
 * back exactly what was there. DDL is transactional in PostgreSQL: if the
 * transaction rolls back, the drops roll back with it.
 *
 * Kept: CHECK and NOT NULL constraints (checked per row, cheap) and every
 * index a foreign key depends on (primary keys referenced from other tables).
 *
 * Cost: ALTER TABLE and DROP INDEX take an ACCESS EXCLUSIVE lock on each
 * table (and adding a foreign key a SHARE ROW EXCLUSIVE lock on the table it
 * references) until the transaction ends: nobody else can read or write
 * those tables, or write the referenced ones, for the rest of the import.
 * Take those locks first with lockForBulkLoad. Rebuilding indexes and
 * validating foreign keys covers the whole table, not just the new rows.
 *
 * Source: PostgreSQL 15 manual, "Populating a Database" (14.4.3 Remove
 * Indexes, 14.4.4 Remove Foreign Key Constraints).
 */
export async function suspendIndexesAndForeignKeys(tx: BulkTransaction, tables: readonly string[]): Promise<SuspendedSchema> {
  const dropped: string[] = [];
  const foreignKeyDrops: string[] = [];
  const indexDrops: string[] = [];
  const indexRestores: string[] = [];
  const foreignKeyRestores: string[] = [];
  // Foreign keys from the tables: each one is a trigger a row.
  const foreignKeys = await tx.query<{ table_name: string; name: string; def: string }>(
    `SELECT DISTINCT cl.relname AS table_name, c.conname AS name, pg_get_constraintdef(c.oid) AS def
     FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
     WHERE c.contype = 'f' AND c.conrelid = ANY($1::regclass[])
     ORDER BY 1, 2`,
    [tables],
  );
  for (const fk of foreignKeys) {
    foreignKeyDrops.push(`ALTER TABLE ${quoteIdent(fk.table_name)} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
    foreignKeyRestores.push(`ALTER TABLE ${quoteIdent(fk.table_name)} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.def}`);
    dropped.push(`${fk.table_name}.${fk.name}`);
  }
  // Every index but the primary keys and any other index that a foreign key
  // of another table holds on to; a unique or exclusion constraint's index goes and comes back with
  // its constraint.
  const indexes = await tx.query<{
    table_name: string;
    name: string;
    def: string;
    constraint_name: string | null;
    constraint_def: string | null;
  }>(
    `SELECT cl.relname AS table_name, ic.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
            c.conname AS constraint_name, pg_get_constraintdef(c.oid) AS constraint_def
     FROM pg_index i
     JOIN pg_class cl ON cl.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
     WHERE i.indrelid = ANY($1::regclass[]) AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint f
                       WHERE f.contype = 'f' AND f.conindid = i.indexrelid AND f.conrelid <> ALL($1::regclass[]))
     ORDER BY 1, 2`,
    [tables],
  );
  for (const index of indexes) {
    if (index.constraint_name && index.constraint_def) {
      indexDrops.push(`ALTER TABLE ${quoteIdent(index.table_name)} DROP CONSTRAINT ${quoteIdent(index.constraint_name)}`);
      indexRestores.push(
        `ALTER TABLE ${quoteIdent(index.table_name)} ADD CONSTRAINT ${quoteIdent(index.constraint_name)} ${index.constraint_def}`,
      );
    } else {
      indexDrops.push(`DROP INDEX ${quoteIdent(index.name)}`);
      indexRestores.push(index.def);
    }
    dropped.push(`${index.table_name}.${index.name}`);
  }
  for (const statement of [...foreignKeyDrops, ...indexDrops]) await tx.query(statement);
  return {
    dropped,
    async restore() {
      // Sorting a million index entries, or hashing a million keys for a
      // foreign-key check, in memory rather than in temporary files. SET
      // LOCAL lasts until the transaction ends.
      await tx.query(`SET LOCAL maintenance_work_mem = '${RESTORE_MAINTENANCE_WORK_MEM}'`);
      await tx.query(`SET LOCAL work_mem = '${RESTORE_WORK_MEM}'`);
      for (const statement of [...indexRestores, ...foreignKeyRestores]) await tx.query(statement);
    },
  };
}
