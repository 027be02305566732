import { describe, expect, it } from 'vitest';
import { parseAst } from 'rolldown/parseAst';
import { SHIPPED_PROFILES, shippedProfile } from '@opennrm/domain/profiles';
import { SHIPPED_INSTRUMENTS, shippedInstrument } from '@opennrm/domain/screening';
import { pureSchemas, shippedModule } from '../scripts/browser-shipped-data.ts';

const load = (source: string) =>
  import(`data:text/javascript;base64,${Buffer.from(source).toString('base64')}`) as Promise<Record<string, unknown>>;

describe('the browser build of the shipped profiles and instruments', () => {
  it('gives what the domain parses, code for code', async () => {
    const profiles = await load(shippedModule('profile', 'shippedProfile', 'SHIPPED_PROFILES', SHIPPED_PROFILES, shippedProfile));
    expect(profiles.SHIPPED_PROFILES).toEqual(SHIPPED_PROFILES);
    const profile = (profiles.shippedProfile as typeof shippedProfile)('romania');
    expect(profile).toStrictEqual(shippedProfile('romania'));
    // What the screening route reads, spelled out: contexts, counties, the child age and the instrument.
    expect(profile.screening_contexts.length).toBeGreaterThan(0);
    expect(profile.regions).toHaveLength(42);

    const instruments = await load(
      shippedModule('screening instrument', 'shippedInstrument', 'SHIPPED_INSTRUMENTS', SHIPPED_INSTRUMENTS, shippedInstrument),
    );
    expect((instruments.shippedInstrument as typeof shippedInstrument)(profile.screening_instrument)).toStrictEqual(
      shippedInstrument(profile.screening_instrument),
    );
  });

  it('refuses an unknown code with the domain message', async () => {
    const profiles = await load(shippedModule('profile', 'shippedProfile', 'SHIPPED_PROFILES', SHIPPED_PROFILES, shippedProfile));
    const instruments = await load(
      shippedModule('screening instrument', 'shippedInstrument', 'SHIPPED_INSTRUMENTS', SHIPPED_INSTRUMENTS, shippedInstrument),
    );
    expect(() => shippedProfile('atlantis')).toThrow('no shipped profile "atlantis"; shipped: romania');
    expect(() => (profiles.shippedProfile as typeof shippedProfile)('atlantis')).toThrow('no shipped profile "atlantis"; shipped: romania');
    expect(() => shippedInstrument('ilo-2099')).toThrow('no shipped screening instrument "ilo-2099"; shipped: ilo-ec-2009');
    expect(() => (instruments.shippedInstrument as typeof shippedInstrument)('ilo-2099')).toThrow(
      'no shipped screening instrument "ilo-2099"; shipped: ilo-ec-2009',
    );
  });
});

describe('pureSchemas', () => {
  const parse = (code: string) => parseAst(code, { lang: 'ts' });
  const source = [
    "const z = { string: () => ({ min: (n) => ({ kind: 'string', min: n }) }) };",
    'export const name = z',
    '  .string()',
    '  .min(3);',
    'const limit = Math.max(1, 2);',
    'export const both = [name, limit];',
  ].join('\n');

  it('makes each top-level constant built by zod a pure call, and nothing else', () => {
    const pure = pureSchemas(source, parse);
    expect(pure).toContain('export const name = /* @__PURE__ */ (() => z\n  .string()\n  .min(3))();');
    expect(pure).toContain('const limit = Math.max(1, 2);');
    expect(pure.match(/@__PURE__/g)).toHaveLength(1);
  });

  it('leaves the values the same', async () => {
    const before = await load(source);
    const after = await load(pureSchemas(source, parse));
    expect(after.both).toEqual(before.both);
    expect(after.name).toEqual({ kind: 'string', min: 3 });
  });
});
