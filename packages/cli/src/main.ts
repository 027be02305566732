import { Command } from 'commander';
import { registerMigrate } from './commands/migrate.ts';
import { registerKeys } from './commands/keys.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { registerServe } from './commands/serve.ts';
import { registerUsers } from './commands/users.ts';
import { registerReport } from './commands/report.ts';
import { registerAudit } from './commands/audit.ts';
import { registerDemo } from './commands/demo.ts';
import { registerRetention } from './commands/retention.ts';
import { registerSubjectAccess } from './commands/subject-access.ts';
import { registerReminders } from './commands/reminders.ts';

const program = new Command('opennrm')
  .description('OpenNRM: the National Referral Mechanism for victims of trafficking in persons')
  .option('--data <dir>', 'embedded database folder (PGlite), used when DATABASE_URL is not set', './data')
  .option('--profile <code>', 'jurisdiction profile', 'romania')
  // Subcommands inherit this: `opennrm report --help` lists --data and --profile too.
  .configureHelp({ showGlobalOptions: true })
  .showHelpAfterError();

registerMigrate(program);
registerKeys(program);
registerImport(program);
registerExport(program);
registerServe(program);
registerUsers(program);
registerReport(program);
registerAudit(program);
registerDemo(program);
registerRetention(program);
registerSubjectAccess(program);
registerReminders(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`opennrm: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
