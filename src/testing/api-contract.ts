import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { apiPrefix } from '../core/http/api.ts';

interface Operation {
  responses: Record<
    string,
    { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: unknown }> }
  >;
}
export type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** What the checker reads of an answer: `body` is undefined when it was not readable (a stream). */
export interface Answer {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string | undefined;
}

const methods = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/**
 * A route's URL as the document writes its path: `/api/v1/organisations/:code` is
 * `/organisations/{code}` (a parameter's pattern, `:id(\\d+)`, is left out). Undefined for a route
 * outside the API.
 */
export function documentedPath(routeUrl: string): string | undefined {
  if (!routeUrl.startsWith(`${apiPrefix}/`)) return undefined;
  return routeUrl.slice(apiPrefix.length).replace(/:([A-Za-z0-9_]+)(\([^)]*\))?/g, '{$1}');
}

const isJson = (type: string) => type === 'application/json' || type.endsWith('+json');

/**
 * Checks API answers against the OpenAPI document the app serves: the status is one the operation
 * documents, every required header is sent, and the body matches the documented schema of its
 * content type. The test app runs it on every API answer (src/testing/api-contract-watch.ts), so
 * the document cannot drift from the code.
 */
export class ApiContract {
  private constructor(
    private readonly document: OpenApi,
    private readonly ajv: Ajv,
  ) {}

  /** The document as `/api/v1/openapi.json` serves it. */
  static async of(app: FastifyInstance): Promise<ApiContract> {
    await app.ready();
    return ApiContract.from(servedDocument(app));
  }

  static from(document: OpenApi): ApiContract {
    // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, nullable).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(document, 'openapi');
    return new ApiContract(document, ajv);
  }

  /** Every operation of the document, as `GET /organisations/{code}`. */
  operations(): string[] {
    return Object.entries(this.document.paths).flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((method) => methods.has(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
  }

  /** What in `answer` breaks the document; empty when it keeps to it. */
  violations(method: string, path: string, answer: Answer): string[] {
    const name = `${method} ${path}`;
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    if (!operation) return [`${name} is not in the OpenAPI document`];
    const status = String(answer.statusCode);
    const documented = operation.responses[status];
    if (!documented) return [`${name} answered ${status}, which it does not document`];
    const found: string[] = [];
    for (const [header, spec] of Object.entries(documented.headers ?? {}))
      if (spec.required && answer.headers[header.toLowerCase()] === undefined)
        found.push(`${name} ${status} lacks the required header ${header}`);
    const type = String(answer.headers['content-type'] ?? '').split(';')[0] ?? '';
    if (!documented.content) {
      if (answer.body) found.push(`${name} ${status} documents no body but sent one (${type || 'no type'})`);
      return found;
    }
    if (!documented.content[type])
      return [...found, `${name} ${status} sent ${type || 'no content type'}, which it does not document`];
    if (answer.body === undefined) return found;
    let body: unknown = answer.body;
    if (isJson(type)) {
      try {
        body = JSON.parse(answer.body);
      } catch {
        return [...found, `${name} ${status} sent ${type} that is not JSON`];
      }
    }
    const pointer = ['paths', path, method.toLowerCase(), 'responses', status, 'content', type, 'schema']
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    if (!validate) return [...found, `${name} ${status}: no schema at ${pointer}`];
    if (!validate(body))
      found.push(`${name} ${status} body does not match: ${this.ajv.errorsText(validate.errors)}`);
    return found;
  }

  /** Asserts that `answer` keeps to the document; `path` as the document writes it. */
  check(method: string, path: string, answer: Answer): void {
    const found = this.violations(method, path, answer);
    assert.deepEqual(found, [], found.join('\n'));
  }
}

/**
 * The document `/api/v1/openapi.json` serves, of an app that is ready: what its handler sends,
 * serialised and read back, so that the checks see the document a client sees.
 */
export function servedDocument(app: FastifyInstance): OpenApi {
  return JSON.parse(JSON.stringify(app.swagger())) as OpenApi;
}
