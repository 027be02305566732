import type { Command } from 'commander';
import { auditNewAccounts, createDemoAccounts, DEMO_SCENARIOS, loadDemo, withCliAudit } from '@opennrm/server';
import { KEY_FILE_OPTION, withIdentityDatabase } from '../context.ts';

/**
 * `opennrm demo <scenario> [--if-empty]`: fills the database with a demo
 * scenario's synthetic records (loadDemo in @opennrm/server). Without
 * --if-empty a second run adds nothing and says so; with it, nothing is
 * loaded into a database that already holds any victim case or CTDC record. The load and
 * each demo account are written to the audit trail (docs/audit.md, "Commands").
 */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('load synthetic demo records (every record marked synthetic) that reproduce the published national figures')
    .argument('<scenario>', `demo scenario: ${Object.keys(DEMO_SCENARIOS).join(', ')}`)
    .option('--if-empty', 'load only when the database holds no victim case or imported CTDC record yet')
    .option(...KEY_FILE_OPTION)
    .action(async (scenario: string, options: { ifEmpty?: boolean; keyFile?: string }, command: Command) => {
      await withIdentityDatabase(command, { keyFile: options.keyFile, create: true }, async ({ nrm, profile, keyring }) => {
        const result = await loadDemo(nrm, profile, scenario, { ifEmpty: options.ifEmpty === true, keyring });
        if (!result.loaded) {
          console.log(
            result.reason === 'already_loaded'
              ? `the ${scenario} demo is already loaded (${result.demo_victim_cases} synthetic victim cases); nothing added`
              : `the database already holds ${result.victim_cases} victim cases and ${result.ctdc_records} CTDC records; demo not loaded (--if-empty)`,
          );
          return;
        }
        await withCliAudit(nrm.db, 'demo', async () => ({
          result: undefined,
          events: [{ action: 'import', record_type: 'demo', record_id: scenario }],
        }));
        const c = result.counts;
        console.log(
          [
            `loaded the ${scenario} demo (${nrm.kind}) in ${(result.elapsed_ms / 1000).toFixed(1)} s; every record is synthetic:`,
            `  ${c.persons} persons with synthetic identities (encrypted) and ${c.victim_cases} victim cases`,
            `  ${c.referrals} referrals and ${c.assistance} assistance records (${c.organisations} synthetic NGOs)`,
            `  ${c.criminal_cases} criminal cases with ${c.suspects} suspects and ${c.criminal_case_victims} victim links`,
            `  ${c.hearings} hearings of victims, ${c.legal_counsel} counsel assignments, ${c.programmes} witness programme places, ${c.protection_measures} protection measures`,
            // The embedded database takes one process: the report runs beside a stopped server, or over the API.
            `try, once the server is stopped: npx opennrm report --year 2023 --format md (or the statistics screen while it runs)`,
          ].join('\n'),
        );
        const accounts = await createDemoAccounts(nrm.db);
        await auditNewAccounts(
          nrm.db,
          'demo',
          accounts.map((a) => a.username),
        );
        if (accounts.length > 0) {
          console.log('demo accounts (each password works once; the API asks for a new one at first sign-in):');
          for (const a of accounts) console.log(`  ${a.username}\t${a.role} of ${a.organisation_code}\t${a.password}`);
        }
      });
    });
}
