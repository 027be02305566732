import iloEc2009 from '../../instruments/ilo-ec-2009.json' with { type: 'json' };
import { parseInstrument, type ScreeningInstrument } from './instrument-schema.ts';

/** Screening instruments shipped with OpenNRM, by code. A deployment may load others with parseInstrument. */
const SHIPPED: Record<string, unknown> = { 'ilo-ec-2009': iloEc2009 };

/** Codes of the shipped screening instruments. */
export const SHIPPED_INSTRUMENTS = Object.keys(SHIPPED);

/**
 * Returns a shipped screening instrument, validated.
 * @throws Error when no instrument has that code; InstrumentError when its data is invalid.
 */
export function shippedInstrument(code: string): ScreeningInstrument {
  const data = SHIPPED[code];
  if (!data) throw new Error(`no shipped screening instrument "${code}"; shipped: ${SHIPPED_INSTRUMENTS.join(', ')}`);
  return parseInstrument(code, data);
}
