import type { FigureDefinition } from './annual-report.ts';

const ISSUE_6 = 'OpenNRM issue 6, point 6 (criminal proceedings in the national statistics)';
const TIP_2024 = 'US Department of State, 2024 Trafficking in Persons Report, Romania narrative';
const Y = 'the reporting year';
const TRAFFICKING = 'criminal cases with an offence article the profile marks as trafficking';

/** State employees suspected of complicity, by how far their case went in the year (issue 6 point 6). */
export type StateEmployeesInProceedings = {
  /** Suspects whose case was opened in the year. */
  investigated: number | null;
  /** Suspects indicted in the year. */
  prosecuted: number | null;
  /** Suspects convicted (first instance) in the year. */
  convicted: number | null;
};

/**
 * The annual report's figures of criminal proceedings that issue 6 adds
 * (docs/statistics.md): cases lost to the statute of limitations, state
 * employees at each step, and joint investigation teams concluded. The
 * sentence median sits with the sentence range in annualReportFigures.
 */
export function prosecutionFigures(): FigureDefinition[] {
  return [
    {
      path: 'cases_closed_statute_of_limitations',
      meaning: 'trafficking cases closed in the year because the statute of limitations ran out',
      unit: 'criminal cases',
      rule: `${TRAFFICKING}, closed (stage "closed") with closure_reason "statute_of_limitations" on a closed_on date in ${Y}`,
      source: `${ISSUE_6}; ${TIP_2024} (hundreds of cases dismissed from October 2022 as time-barred)`,
    },
    {
      path: 'state_employees.investigated',
      meaning: 'government employees investigated for complicity in trafficking',
      unit: 'suspects',
      rule: `suspects flagged as state employees, of ${TRAFFICKING}, whose case was opened in ${Y}`,
      source: `${ISSUE_6}; ${TIP_2024}`,
    },
    {
      path: 'state_employees.prosecuted',
      meaning: 'government employees prosecuted (indicted) for complicity in trafficking',
      unit: 'suspects',
      rule: `suspects flagged as state employees, of ${TRAFFICKING}, prosecuted in ${Y}`,
      source: `${ISSUE_6}; ${TIP_2024}`,
    },
    {
      path: 'state_employees.convicted',
      meaning: 'government employees convicted of complicity in trafficking',
      unit: 'suspects',
      rule: `suspects flagged as state employees, of ${TRAFFICKING}, with verdict "convicted" dated in ${Y}`,
      source: `${ISSUE_6}; ${TIP_2024}`,
    },
    {
      path: 'joint_investigation_teams_concluded',
      meaning: 'joint investigation teams concluded',
      unit: 'count',
      rule:
        `joint investigation teams (criminal_case_cooperation kind "joint_investigation_team") of ${TRAFFICKING} ` +
        `with concluded_on in ${Y}; null while no international cooperation is recorded at all`,
      source: `${ISSUE_6}; Council Framework Decision 2002/465/JHA (joint investigation teams); ${TIP_2024}`,
    },
  ];
}
