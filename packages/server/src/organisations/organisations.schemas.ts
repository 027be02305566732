import { z } from 'zod';
import { INSTITUTION_KINDS, NRM_FUNCTIONS } from '@opennrm/domain';

export const organisationSchema = z
  .object({
    id: z.uuid(),
    code: z.string().describe('stable code, e.g. "ANITP", "DGASPC-CJ"'),
    name: z.string(),
    kind: z.string().describe(`institution kind: ${INSTITUTION_KINDS.join(', ')}`),
    functions: z.array(z.string()).describe(`roles in the NRM: ${NRM_FUNCTIONS.join(', ')}`),
    region: z.string().nullable().describe('ISO 3166-2 region of a county-level body, e.g. "RO-CJ"'),
    from_profile: z.boolean().describe('true when the jurisdiction profile defines it'),
  })
  .meta({ id: 'Organisation' });

export const organisationQuery = z
  .object({
    kind: z.enum(INSTITUTION_KINDS).optional(),
    function: z.enum(NRM_FUNCTIONS).optional(),
    region: z.string().optional().describe('ISO 3166-2 code, e.g. "RO-CJ"'),
  })
  .strict();
