import type { CaseDeadline } from '@opennrm/domain';

/** What a reminder e-mail may say: the case's number and id, the deadline and the rule. Nothing about a person. */
export interface ReminderEmailFacts {
  criminal_case_id: string;
  case_number: string;
  deadline: CaseDeadline;
  /** The lead time reached, days. */
  lead_days: number;
  /** The day days_left was counted from, "YYYY-MM-DD". */
  as_of: string;
  /** Why this user gets it. */
  recipient_role: 'prosecutor' | 'manager';
  /** OPENNRM_PUBLIC_URL: the web application's address, e.g. https://nrm.example.ro. */
  public_url: string | null;
}

/** The web application's page of a criminal case. */
export function criminalCaseLink(publicUrl: string, criminalCaseId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/criminal-cases/${criminalCaseId}`;
}

const kindLabel = (kind: string) => kind.replaceAll('_', ' ');

/**
 * The subject and plain-text body of a deadline reminder.
 *
 * An e-mail leaves OpenNRM's protection: it sits in mailboxes, on phones and
 * in mail servers' logs that OpenNRM does not control, and a trafficker who
 * reads one must learn nothing about a victim. So the message names the
 * case number, the deadline, its date, the days left and the rule with its
 * legal source, and links to the case, where the reader signs in. It never
 * carries a victim's, suspect's or witness's name or any other identifying
 * data (GDPR art. 5(1)(c) and (f), art. 32; docs/threat-model.md). Only
 * values listed in ReminderEmailFacts reach it; the deadline's explanation
 * (which cites the facts it was computed from) stays in the application.
 */
export function composeReminderEmail(facts: ReminderEmailFacts): { subject: string; text: string } {
  const { deadline } = facts;
  const days = deadline.days_left === 1 ? '1 day' : `${deadline.days_left} days`;
  const subject = `[OpenNRM] ${facts.case_number}: ${kindLabel(deadline.kind)} in ${days} (${deadline.due_on})`;
  const verify = deadline.rule.verify ? ' (marked in the profile: to verify against the law text)' : '';
  const role = facts.recipient_role === 'prosecutor' ? 'the prosecutor' : 'the manager';
  const lines = [
    `A legal deadline of criminal case ${facts.case_number} is ${days} away.`,
    '',
    `Case:      ${facts.case_number}`,
    `Deadline:  ${kindLabel(deadline.kind)}`,
    `Due on:    ${deadline.due_on}`,
    `Days left: ${deadline.days_left} (as of ${facts.as_of}; reminder at ${facts.lead_days} days)`,
    `Rule:      ${deadline.rule.code}, ${deadline.rule.source}${verify}`,
    '',
    facts.public_url
      ? `Open the case: ${criminalCaseLink(facts.public_url, facts.criminal_case_id)}`
      : 'Open the case in OpenNRM (criminal cases) to see how the deadline was computed.',
    '',
    `You receive this because you are ${role} of the case in OpenNRM. This message names no`,
    'victim, suspect or witness on purpose: sign in to see who the case concerns.',
  ];
  return { subject, text: `${lines.join('\n')}\n` };
}
