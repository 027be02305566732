import { randomBytes } from 'node:crypto';
import { shippedProfile } from '@opennrm/domain';
import { buildApp, Keyring, migrateToLatest, openDatabase } from '@opennrm/server';

type Schema = {
  $ref?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  prefixItems?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: Schema | boolean;
};
interface Operation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** The server's OpenAPI document, built as scripts/api-types.ts builds it (in-memory PGlite, throwaway keyring). */
export async function openApiDocument(): Promise<Document> {
  const nrm = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateToLatest(nrm.db);
    const keyring = new Keyring({ active: 'k', keys: { k: randomBytes(32).toString('base64') } }, 'OpenAPI dump');
    const app = await buildApp({ nrm, profile: shippedProfile('romania'), keyring, logger: false });
    try {
      return app.swagger() as unknown as Document;
    } finally {
      await app.close();
    }
  } finally {
    await nrm.close();
  }
}

/**
 * Every name a refusal's path can end in (the last non-numeric segment of "body.identity.date_of_birth",
 * "query.year", "params.id"): the property names of every request body, at any depth, and the query and path
 * parameters. Headers are left out: the web app sets them itself.
 */
export function requestFieldNames(document: Document): string[] {
  const names = new Set<string>();
  const seen = new Set<Schema>();
  const walk = (schema: Schema | undefined): void => {
    if (!schema || seen.has(schema)) return;
    seen.add(schema);
    if (schema.$ref) walk(document.components?.schemas?.[schema.$ref.split('/').pop()!]);
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      names.add(name);
      walk(property);
    }
    for (const inner of [
      schema.items,
      ...(schema.prefixItems ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.oneOf ?? []),
      ...(schema.allOf ?? []),
    ])
      walk(inner);
    if (typeof schema.additionalProperties === 'object') walk(schema.additionalProperties);
  };
  for (const operations of Object.values(document.paths))
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? [])
        if (parameter.in === 'query' || parameter.in === 'path') names.add(parameter.name);
      for (const content of Object.values(operation.requestBody?.content ?? {})) walk(content.schema);
    }
  return [...names].sort();
}
