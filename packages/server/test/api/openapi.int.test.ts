import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../support/test-database.ts';
import { testApi, type TestApi } from '../support/test-api.ts';

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

/** Fastify's "/persons/:id" is OpenAPI's "/persons/{id}". */
const openApiPath = (url: string) => url.replace(/:([a-z_]+)/g, '{$1}');

describe(`OpenAPI document on ${TEST_DB_KIND}`, () => {
  let api: TestApi;
  let doc: { openapi: string; paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };
  beforeAll(async () => {
    api = await testApi();
    const res = await api.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => {
    await api.close();
  });

  it('is OpenAPI 3.1 and lists exactly the registered routes', () => {
    expect(doc.openapi).toBe('3.1.0');
    const registered = api.app.registeredRoutes
      .filter((r) => r.documented)
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(registered);
    expect(registered.every((r) => r.includes(' /api/v1/'))).toBe(true);
  });

  it('gives every operation a summary, description, tags, a success schema and error schemas', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.summary, where).toBeTruthy();
        expect(op.description?.length ?? 0, where).toBeGreaterThan(40);
        expect(op.tags?.length, where).toBeGreaterThan(0);
        const statuses = Object.keys(op.responses ?? {});
        // Single sign-on's browser routes answer with a redirect.
        const success = statuses.filter((s) => /^[23]/.test(s));
        expect(success.length, where).toBeGreaterThan(0);
        expect(
          statuses.filter((s) => /^[45]/.test(s)),
          where,
        ).toContain('500');
        // Health answers 503 with its own body (degraded); every other error is the catalogue's Error.
        for (const status of statuses.filter((s) => /^[45]/.test(s) && !(path === '/api/v1/health' && s === '503'))) {
          expect(op.responses![status]!.content?.['application/json']?.schema, `${where} ${status}`).toEqual({
            $ref: '#/components/schemas/Error',
          });
        }
        // Public operations say so; all others require a session and document 401.
        if (op.security?.length === 0)
          expect([
            '/api/v1/health',
            '/api/v1/auth/sign-in',
            '/api/v1/auth/totp/verify',
            // The sign-in page asks whether single sign-on is configured before anyone is signed in.
            '/api/v1/auth/oidc',
            '/api/v1/auth/oidc/start',
            '/api/v1/auth/oidc/callback',
          ]).toContain(path);
        else expect(statuses, where).toContain('401');
      }
    }
  });

  it('describes the error body once, with its code and fields', () => {
    expect(doc.components.schemas.Error).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['error', 'code', 'message']),
      properties: expect.objectContaining({ fields: expect.anything() }),
    });
  });

  it('serves the docs page without a session', async () => {
    const page = await api.app.inject({ url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
  });
});
