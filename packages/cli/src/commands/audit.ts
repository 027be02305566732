import { InvalidArgumentError, type Command } from 'commander';
import type { Kysely } from 'kysely';
import type { Database } from '@opennrm/server';
// The audit module is not yet re-exported by @opennrm/server's index (it is
// wired into the API separately); switch to '@opennrm/server' when it is.
import {
  accessHistoryForPerson,
  appendAuditEvent,
  CLI_USER_AGENT,
  cliActorUsername,
  formatAuditAnchor,
  parseAuditAnchor,
  unusualAccess,
  verifyAuditChain,
  UNUSUAL_ACCESS_DEFAULTS,
  type AuditAnchor,
  type AuditVerification,
  type UnusualAccessOptions,
} from '../../../server/src/audit/index.ts';
import { withDatabase } from '../context.ts';

const json = (value: unknown) => process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);

function collectAnchor(text: string, previous: AuditAnchor[]): AuditAnchor[] {
  try {
    return [...previous, parseAuditAnchor(text)];
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function positiveInteger(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new InvalidArgumentError('give a whole number of at least 1');
  return Number(text);
}

function list(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A local date given on the command line as the last day of a window means up to the end of that day. */
function dayAfter(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return date;
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Who ran the command, for the audit events it writes: the CLI has no signed-in user, only the operating-system account. */
function cliActor(): { actor_username: string; user_agent: string } {
  return { actor_username: cliActorUsername(), user_agent: CLI_USER_AGENT };
}

function verificationText(result: AuditVerification): string {
  if (result.ok)
    return result.event_count === 0
      ? 'audit trail intact: no events yet\n'
      : `audit trail intact: ${result.event_count} events, head ${formatAuditAnchor(result.last_id, result.head_hash)}\n`;
  const where = result.problem.event_id === null ? '' : ` at event ${result.problem.event_id}`;
  return `audit trail BROKEN${where} (${result.problem.kind}): ${result.problem.message}\n${result.events_checked} events before it verified\n`;
}

async function verify(db: Kysely<Database>, anchors: AuditAnchor[], batchSize: number | undefined): Promise<AuditVerification> {
  return verifyAuditChain(db, { anchors, ...(batchSize ? { batchSize } : {}) });
}

/**
 * `opennrm audit verify|anchor|history|unusual`: checks and reads the audit
 * trail (packages/server/src/audit, docs/audit.md).
 *
 * - verify [--anchor ID:HASH ...]: recomputes the hash chain; exit code 1
 *   and the first broken event when an event was edited or deleted.
 * - anchor: verifies, then prints "ID:HASH" of the last event, to be kept
 *   outside the database and given to a later `verify --anchor`.
 * - history --person ID: who has accessed that person (logged as a read).
 * - unusual --from --to: the unusual-access report (logged as a read).
 */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('check and read the tamper-evident audit trail');

  audit
    .command('verify')
    .description('recompute the hash chain; exit code 1 naming the first edited or deleted event')
    .option(
      '--anchor <ID:HASH>',
      'an anchor printed earlier by `audit anchor` (repeatable); detects deleted last events',
      collectAnchor,
      [],
    )
    .option('--batch-size <n>', 'events read per query', positiveInteger)
    .option('--json', 'print the result as JSON')
    .action(async (options: { anchor: AuditAnchor[]; batchSize?: number; json?: boolean }, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        const result = await verify(nrm.db, options.anchor, options.batchSize);
        if (options.json) json(result);
        else process.stdout.write(verificationText(result));
        if (!result.ok) process.exitCode = 1;
      });
    });

  audit
    .command('anchor')
    .description('verify the chain, then print ID:HASH of its last event to keep outside the database')
    .option('--json', 'print the anchor as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        const result = await verify(nrm.db, [], undefined);
        if (!result.ok) {
          process.stderr.write(`no anchor taken: ${verificationText(result)}`);
          process.exitCode = 1;
          return;
        }
        const anchor = formatAuditAnchor(result.last_id, result.head_hash);
        if (options.json) json({ anchor, last_id: result.last_id, hash: result.head_hash, taken_at: new Date().toISOString() });
        else {
          process.stdout.write(`${anchor}\n`);
          process.stderr.write(`keep this line outside the database; later: opennrm audit verify --anchor ${anchor}\n`);
        }
      });
    });

  audit
    .command('history')
    .description('who has accessed a person: user, organisation, time, action, fields, reason (newest first)')
    .requiredOption('--person <id>', 'person id (UUID)')
    .option('--limit <n>', 'most events shown', positiveInteger, 200)
    .option('--json', 'print as JSON')
    .action(async (options: { person: string; limit: number; json?: boolean }, command: Command) => {
      await withDatabase(command, async ({ nrm }) => {
        const history = await nrm.db.transaction().execute(async (trx) => {
          const rows = await accessHistoryForPerson(trx, options.person, { limit: options.limit });
          await appendAuditEvent(trx, {
            ...cliActor(),
            action: 'read',
            record_type: 'audit_history',
            record_id: options.person,
            person_id: options.person,
          });
          return rows;
        });
        if (options.json) return json(history);
        if (history.length === 0) return void process.stdout.write('no recorded access to this person\n');
        for (const h of history)
          process.stdout.write(
            [
              h.occurred_at.toISOString(),
              h.actor_username ?? h.actor_user_id,
              h.organisation_name ?? '-',
              h.action,
              `${h.record_type ?? '-'}${h.record_id ? ` ${h.record_id}` : ''}`,
              h.fields.join(',') || '-',
              h.reason ?? '',
            ].join('\t') + '\n',
          );
      });
    });

  const d = UNUSUAL_ACCESS_DEFAULTS;
  audit
    .command('unusual')
    .description('unusual access in a window: many persons a day, out of hours, break-glass, outside the user’s region')
    .requiredOption('--from <date>', 'first local day YYYY-MM-DD (or an instant with time zone)')
    .requiredOption('--to <date>', 'last local day YYYY-MM-DD, included (or an instant with time zone, excluded)')
    .option('--time-zone <tz>', 'IANA time zone of working hours', d.timeZone)
    .option('--workday-start <HH:MM>', 'start of the working day', d.workdayStart)
    .option('--workday-end <HH:MM>', 'end of the working day', d.workdayEnd)
    .option('--working-days <list>', 'ISO weekdays, 1 = Monday', d.workingDays.join(','))
    .option('--holidays <list>', 'public holidays YYYY-MM-DD, comma-separated', '')
    .option(
      '--persons-per-day <n>',
      'distinct persons a user may read in a day before it is flagged',
      positiveInteger,
      d.distinctPersonsPerDay,
    )
    .option('--json', 'print as JSON')
    .action(
      async (
        o: {
          from: string;
          to: string;
          timeZone: string;
          workdayStart: string;
          workdayEnd: string;
          workingDays: string;
          holidays: string;
          personsPerDay: number;
          json?: boolean;
        },
        command: Command,
      ) => {
        const options: UnusualAccessOptions = {
          from: o.from,
          to: dayAfter(o.to),
          timeZone: o.timeZone,
          workdayStart: o.workdayStart,
          workdayEnd: o.workdayEnd,
          workingDays: list(o.workingDays).map(Number),
          holidays: list(o.holidays),
          distinctPersonsPerDay: o.personsPerDay,
        };
        await withDatabase(command, async ({ nrm }) => {
          const report = await nrm.db.transaction().execute(async (trx) => {
            const found = await unusualAccess(trx, options);
            await appendAuditEvent(trx, {
              ...cliActor(),
              action: 'read',
              record_type: 'audit_report',
              record_id: `unusual ${o.from}..${o.to}`,
            });
            return found;
          });
          if (o.json) return json(report);
          const out: string[] = [];
          out.push(`many distinct persons in a day (at least ${o.personsPerDay}): ${report.many_persons.length}`);
          for (const r of report.many_persons)
            out.push(
              `  ${r.local_day}\t${r.actor_username}\t${r.organisation_name ?? '-'}\t${r.distinct_persons} persons, ${r.events} events`,
            );
          out.push(`out of hours (${o.workdayStart}-${o.workdayEnd}, days ${o.workingDays}, ${o.timeZone}): ${report.out_of_hours.length}`);
          for (const r of report.out_of_hours)
            out.push(
              `  ${r.local_day} ${r.first_local_time}-${r.last_local_time}\t${r.actor_username}\t${r.organisation_name ?? '-'}\t${r.why}\t${r.events} events, ${r.distinct_persons} persons`,
            );
          out.push(`break-glass: ${report.break_glass.length}`);
          for (const r of report.break_glass)
            out.push(
              `  ${r.occurred_at.toISOString()}\t${r.actor_username}\t${r.organisation_name ?? '-'}\tperson ${r.person_id}\t${r.reason}`,
            );
          out.push(`outside the user's region: ${report.outside_region.length}`);
          for (const r of report.outside_region)
            out.push(
              `  ${r.actor_username}\t${r.organisation_name ?? '-'} (${r.user_region})\tperson ${r.person_id} (${r.case_regions.join(',')})\t${r.events} events`,
            );
          process.stdout.write(`${out.join('\n')}\n`);
        });
      },
    );
}
