import type { ServiceGapsView } from './service-gaps.schemas.ts';

/**
 * The gaps as a section of the Markdown report (`opennrm report --format md`):
 * counties without a shelter, services asked for but never given, licences
 * expired or expiring. Aggregates and facility names only, no person.
 */
export function serviceGapsMarkdown(gaps: ServiceGapsView): string {
  const lines = [`## Gaps in assistance (as of ${gaps.as_of})`, ''];
  const counties = (list: ServiceGapsView['counties_without_shelter']) =>
    list.length === 0 ? 'none' : list.map((c) => `${c.name} (${c.region})`).join(', ');
  lines.push(`Counties without a shelter (${gaps.counties_without_shelter.length}): ${counties(gaps.counties_without_shelter)}.`, '');
  lines.push(
    `Counties without a shelter for children (${gaps.counties_without_child_shelter.length}): ${counties(gaps.counties_without_child_shelter)}.`,
    '',
  );
  lines.push(`Services asked for in referrals and not given ${gaps.unmet_services.unmet_after_days} days later:`, '');
  if (gaps.unmet_services.by_service.length === 0) lines.push('none', '');
  else {
    lines.push('| service | referrals | victim cases | declined | accepted | unanswered |', '|---|---|---|---|---|---|');
    for (const s of gaps.unmet_services.by_service)
      lines.push(`| ${s.service} | ${s.referrals} | ${s.victim_cases} | ${s.declined} | ${s.accepted} | ${s.unanswered} |`);
    lines.push('');
  }
  lines.push('Licences for child victims expired or expiring:', '');
  if (gaps.licences.length === 0) lines.push('none', '');
  else {
    lines.push('| facility | provider | county | expires | status |', '|---|---|---|---|---|');
    for (const l of gaps.licences)
      lines.push(`| ${l.name} | ${l.organisation_code} | ${l.region} | ${l.licence_expires_on} | ${l.licence_status} |`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
