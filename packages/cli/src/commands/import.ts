import { InvalidArgumentError, type Command } from 'commander';
import { checkImportFile, importCtdcFile, importOpennrmJson, withCliAudit, type ImportOutcome, type NrmDatabase } from '@opennrm/server';
import { KEY_FILE_OPTION, withDatabase, withIdentityDatabase } from '../context.ts';
import { importProgressBar, throughput } from '../progress.ts';

function printOutcome(file: string, outcome: ImportOutcome, what: string): void {
  if (outcome.status === 'already_imported') {
    const when = outcome.previous_imported_at ? new Date(outcome.previous_imported_at).toISOString() : 'earlier';
    console.log(`${file} was already imported (${when}, ${outcome.previous_rows ?? 0} ${what}, batch ${outcome.batch_id}); nothing added`);
    return;
  }
  console.log(`imported ${throughput(outcome.rows, outcome.elapsed_ms)} from ${file} (batch ${outcome.batch_id})`);
}

/**
 * Reads --max-errors: how many problems to list before stopping. It limits the
 * report only; a file with any bad row is never imported, whatever the limit.
 * @throws InvalidArgumentError (commander prints it and exits 1) unless a whole number of 1 or more.
 */
export function parseMaxErrors(value: string): number {
  const n = /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`"${value}" is not a whole number of 1 or more.`);
  return n;
}

const MAX_ERRORS_HELP = 'problems to list before stopping (a whole number, 1 or more); any bad row means nothing is imported';

/**
 * The audit event of an import that added records (docs/audit.md, "Commands"):
 * the batch it made. Written right after the import's transaction commits
 * (the importers own their transaction); a file already imported adds nothing
 * and logs nothing.
 */
async function auditImport(nrm: NrmDatabase, command: string, outcome: ImportOutcome): Promise<void> {
  if (outcome.status !== 'imported') return;
  await withCliAudit(nrm.db, command, async () => ({
    result: undefined,
    events: [{ action: 'import', record_type: 'import_batch', record_id: outcome.batch_id }],
  }));
}

/**
 * `opennrm import ctdc FILE` and `opennrm import json FILE`: load data files
 * into the NRM record, transactionally and idempotently.
 */
export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description('import a data file into the NRM record (one transaction; a file already imported adds nothing)');

  command
    .command('ctdc')
    .argument('<file>', 'CTDC global dataset CSV (header row with codebook column names)')
    .option('--max-errors <n>', MAX_ERRORS_HELP, parseMaxErrors, 100)
    .option('--no-bulk', 'parse and map every row in Node instead of grouping the lines in the database (slower; the same records)')
    .description('import a CTDC global dataset CSV as statistical records, stored by kind (no person, no victim case)')
    .addHelpText(
      'after',
      `
Columns are read by their CTDC codebook names (yearOfRegistration, gender,
ageBroad, majorityStatus, majorityStatusAtExploit, citizenship,
CountryOfExploitation, isForcedLabour, isSexualExploit, isOtherExploit,
isForcedMarriage, isOrganRemoval, typeOfLabour*, meansOfControl*,
recruiterRelation*, ...). A missing column is unknown; -99, empty and 0 in a
country column are unknown. Victims count in their registration year.

CTDC rows are de-identified statistical records, not NRM cases: they are
stored by kind (the rows with the same values, how many, and their line
numbers), never as persons or victim cases, so they are not in case lists or
the GDPR purge. The annual report counts each row as one identified victim,
and its trace lists them as "<file> line N" (docs/data-model.md).

The whole file is imported in one transaction: if any row is bad, nothing is
saved and the bad rows are listed with line, column and reason, up to
--max-errors of them (exit 1). A file with a header and no rows is refused.
Rows may end in CRLF or LF, mixed.

A file whose content (SHA-256) was imported before adds nothing (exit 0).
Any other file adds all its rows, even rows an earlier file held: CTDC rows
are k-anonymised and carry no identifier, so nobody can tell a repeated row
from another victim with the same answers. A subset of an imported file, a
later release that repeats earlier years, or a file re-saved by a spreadsheet
counts those victims twice: remove the earlier batch first (docs/imports.md).

Example:
  opennrm import ctdc ../shared/data/ctdc/ctdc-global-2020-subset.csv`,
    )
    .action(async (file: string, options: { maxErrors: number; bulk?: boolean }, cmd: Command) => {
      // Before opening (or creating) a database for it.
      await checkImportFile(file, 'a CSV text file');
      await withDatabase(
        cmd,
        async ({ nrm }) => {
          const bar = importProgressBar();
          try {
            const outcome = await importCtdcFile(nrm, file, {
              onProgress: bar.update,
              maxProblems: options.maxErrors,
              ...(options.bulk === undefined ? {} : { bulk: options.bulk }),
            });
            bar.stop();
            await auditImport(nrm, 'import ctdc', outcome);
            printOutcome(file, outcome, 'rows');
          } finally {
            bar.stop();
          }
        },
        { create: true },
      );
    });

  command
    .command('json')
    .argument('<file>', 'OpenNRM JSON Lines export (opennrm export json)')
    .option('--max-errors <n>', MAX_ERRORS_HELP, parseMaxErrors, 100)
    .option(...KEY_FILE_OPTION)
    .description('import an OpenNRM export (JSON Lines) from this or another OpenNRM database, losslessly')
    .addHelpText(
      'after',
      `
Records keep their ids; organisations are matched by code. Records whose id
already exists are left as they are, so importing the same data twice adds
nothing. One transaction: a bad line (reported with line, field and reason)
saves nothing; lines that only refer to a bad line are not listed again. Each
reference (person_id, victim_case_id, ...) must name a record earlier in the
file or in this database. Dates are bounded as the API bounds them (a birth
after this year, a service before its case began or over 366 days ahead, an
event before its criminal case opened are bad lines). The file must come from
a database with the same profile. See docs/imports.md.
Identities (in clear in the file) are sealed under this database's active key.
Accounts this database lacks are added without a password: issue one with
opennrm users reset-password USERNAME. Version 1 files are read too.

Example:
  opennrm export json backup.jsonl && opennrm --data ./other import json backup.jsonl`,
    )
    .action(async (file: string, options: { maxErrors: number; keyFile?: string }, cmd: Command) => {
      await checkImportFile(file, 'an OpenNRM JSON Lines text file');
      await withIdentityDatabase(cmd, { keyFile: options.keyFile, create: true }, async ({ nrm, profile, keyring }) => {
        const bar = importProgressBar();
        try {
          const outcome = await importOpennrmJson(nrm, file, {
            profile: profile.code,
            // Its calendar bounds the dates (a deployment may run a profile of its own, not a shipped one).
            jurisdiction: profile,
            keyring,
            onProgress: bar.update,
            maxProblems: options.maxErrors,
          });
          bar.stop();
          await auditImport(nrm, 'import json', outcome);
          printOutcome(file, outcome, 'records');
          if (outcome.status === 'imported') {
            const present = Object.entries(outcome.already_present).filter(([, n]) => n > 0);
            if (present.length > 0) console.log(`already present, left unchanged: ${present.map(([t, n]) => `${n} ${t}`).join(', ')}`);
          }
        } finally {
          bar.stop();
        }
      });
    });
}
