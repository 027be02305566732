import { SERVICES, type Service } from '../nrm/codes.ts';

/**
 * The services catalogue of issue 4, point 4: what a referral can ask for and
 * a provider can deliver. The codes are the stored SERVICES codes of
 * migration 0001 (the list, one for one), so no stored value changes.
 * Labels live in translations; this says what each code covers and which
 * services carry an amount of money.
 */
export interface ServiceDefinition {
  code: Service;
  /** What the service covers, in a caseworker's words. */
  covers: string;
  /** A delivered service of this kind records the amount paid (financial support). */
  has_amount: boolean;
  /** Where the service comes from in the standards. */
  source: string;
}

const DIRECTIVE = 'EU Directive 2011/36/EU art. 11(5)';
const HANDBOOK = 'OSCE/ODIHR "National Referral Mechanisms" handbook (2nd ed., 2022), ch. 4';

export const SERVICE_CATALOGUE: readonly ServiceDefinition[] = [
  { code: 'shelter', covers: 'appropriate and safe accommodation (a shelter bed)', has_amount: false, source: `${DIRECTIVE}; ${HANDBOOK}` },
  { code: 'medical', covers: 'necessary medical treatment, including emergency care', has_amount: false, source: DIRECTIVE },
  { code: 'psychological', covers: 'psychological assistance and counselling', has_amount: false, source: DIRECTIVE },
  {
    code: 'legal',
    covers: 'legal counselling and representation, including for compensation claims',
    has_amount: false,
    source: `${DIRECTIVE}; art. 12(2)`,
  },
  { code: 'social', covers: 'social assistance and case management (in Romania: the county DGASPC)', has_amount: false, source: HANDBOOK },
  {
    code: 'vocational',
    covers: 'education, vocational training and job counselling',
    has_amount: false,
    source: `${HANDBOOK} (reintegration)`,
  },
  {
    code: 'financial',
    covers: "material support and payments, including the state's advance payment of compensation for emergency expenses",
    has_amount: true,
    source: `${DIRECTIVE} (material assistance); Council of Europe Convention CETS 197 art. 15(4); profile services.financial_schemes`,
  },
  { code: 'interpretation', covers: 'translation and interpretation services', has_amount: false, source: DIRECTIVE },
  {
    code: 'repatriation',
    covers: 'safe and voluntary return to the country of origin',
    has_amount: false,
    source: 'Council of Europe Convention CETS 197 art. 16; ' + HANDBOOK,
  },
];

/** The catalogue entry of a service code. */
export function serviceDefinition(code: Service): ServiceDefinition {
  return SERVICE_CATALOGUE.find((s) => s.code === code)!;
}

// The catalogue must list every stored code once; a new code without an entry fails here at load.
if (SERVICE_CATALOGUE.length !== SERVICES.length || !SERVICES.every((c) => SERVICE_CATALOGUE.some((s) => s.code === c)))
  throw new Error('SERVICE_CATALOGUE must describe every SERVICES code exactly once');
