import type { FastifyRequest } from 'fastify';

/** What replaces every value of a query string in the logs. */
export const QUERY_VALUE_CENSOR = '[redacted]';

/**
 * The URL with the value of every query parameter replaced by
 * QUERY_VALUE_CENSOR, names kept (e.g. "/api/v1/persons/search?name=[redacted]").
 * Query strings carry search terms (a victim's name, a document number) that
 * must never reach the logs, whatever the route (developers' brief, principle 2;
 * GDPR art. 5(1)(c) and 32; docs/threat-model.md). Parameters are not decoded,
 * so no value survives through an encoding trick; a fragment is dropped.
 */
export function redactQueryValues(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const query = url.slice(question + 1).split('#')[0]!;
  const names = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals < 0 ? pair : pair.slice(0, equals);
      // A name is the API's (snake_case); anything else may be a value sent without "=".
      return /^[A-Za-z0-9_.[\]-]{1,64}$/.test(name) ? `${name}=${QUERY_VALUE_CENSOR}` : QUERY_VALUE_CENSOR;
    });
  return `${url.slice(0, question)}?${names.join('&')}`;
}

/**
 * pino's `req` serializer: Fastify's default fields, with the query string's
 * values redacted (redactQueryValues). Bodies and headers are never logged.
 */
export function requestSerializer(request: FastifyRequest): Record<string, unknown> {
  return {
    method: request.method,
    url: redactQueryValues(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
