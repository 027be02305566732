import type { Migration } from 'kysely/migration';
import * as nrmRecord from './0001-nrm-record.ts';
import * as apiSessions from './0002-api-sessions.ts';
import * as identityEncryption from './0003-identity-encryption.ts';
import * as auditTrail from './0004-audit-trail.ts';
import * as statisticsReportIndexes from './0005-statistics-report-indexes.ts';
import * as accessPolicy from './0007-access-policy.ts';
import * as identitySealed from './0008-identity-sealed.ts';
import * as signIn from './0009-sign-in.ts';
import * as gdpr from './0010-gdpr.ts';
import * as nrmWorkflow from './0011-nrm-workflow.ts';
import * as serviceDirectory from './0012-service-directory.ts';
import * as screenings from './0013-screenings.ts';
import * as caseFactsAndRateLimits from './0014-case-facts-and-rate-limits.ts';
import * as victimYearSummary from './0016-victim-year-summary.ts';
import * as retentionIntervalsScreenings from './0017-retention-intervals-screenings.ts';
import * as criminalProceedings from './0018-criminal-proceedings.ts';
import * as victimsInProceedings from './0019-victims-in-proceedings.ts';
import * as compensation from './0020-compensation.ts';
import * as deadlineReminders from './0021-deadline-reminders.ts';
import * as ctdcRecords from './0022-ctdc-records.ts';
import * as limitationSuspension from './0023-limitation-suspension.ts';
import * as editVersions from './0024-edit-versions.ts';

/**
 * Every migration, in order. Listed here rather than read from a folder so
 * that the same list runs under Node, in tests and in a bundled build.
 * Never edit a migration that has shipped: add the next one.
 */
export const migrations: Record<string, Migration> = {
  '0001-nrm-record': nrmRecord,
  '0002-api-sessions': apiSessions,
  '0003-identity-encryption': identityEncryption,
  '0004-audit-trail': auditTrail,
  '0005-statistics-report-indexes': statisticsReportIndexes,
  '0007-access-policy': accessPolicy,
  '0008-identity-sealed': identitySealed,
  '0009-sign-in': signIn,
  '0010-gdpr': gdpr,
  '0011-nrm-workflow': nrmWorkflow,
  '0012-service-directory': serviceDirectory,
  '0013-screenings': screenings,
  '0014-case-facts-and-rate-limits': caseFactsAndRateLimits,
  '0016-victim-year-summary': victimYearSummary,
  '0017-retention-intervals-screenings': retentionIntervalsScreenings,
  '0018-criminal-proceedings': criminalProceedings,
  '0019-victims-in-proceedings': victimsInProceedings,
  '0020-compensation': compensation,
  '0021-deadline-reminders': deadlineReminders,
  '0022-ctdc-records': ctdcRecords,
  '0023-limitation-suspension': limitationSuspension,
  '0024-edit-versions': editVersions,
};
