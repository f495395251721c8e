import assert from 'node:assert/strict';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import type { LightMyRequestResponse } from 'fastify';

interface Operation {
  responses: Record<
    string,
    { headers?: Record<string, { required?: boolean }>; content?: Record<string, { schema: unknown }> }
  >;
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/**
 * Checks API answers against the OpenAPI document the app serves: the status is one the operation
 * documents, every required header is sent, and the body matches the documented schema of its
 * content type. Tests call it on each answer they get, so the document cannot drift from the code.
 */
export class ApiContract {
  private constructor(
    private readonly document: OpenApi,
    private readonly ajv: Ajv,
  ) {}

  static async of(app: FastifyInstance): Promise<ApiContract> {
    const response = await app.inject({ url: '/api/v1/openapi.json' });
    const document = response.json<OpenApi>();
    // OpenAPI 3.0 schemas carry keywords JSON Schema does not know (example, nullable).
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema(document, 'openapi');
    return new ApiContract(document, ajv);
  }

  /** `path` as the document writes it, e.g. `/organisations/{code}/scans`. */
  check(method: string, path: string, response: LightMyRequestResponse): void {
    const operation = this.document.paths[path]?.[method.toLowerCase()];
    assert.ok(operation, `${method} ${path} is not in the OpenAPI document`);
    const documented = operation.responses[String(response.statusCode)];
    assert.ok(documented, `${method} ${path} answered ${response.statusCode}, which it does not document`);
    const required = Object.entries(documented.headers ?? {}).filter(([, h]) => h.required);
    for (const [header] of required)
      assert.ok(
        response.headers[header.toLowerCase()] !== undefined,
        `${method} ${path} ${response.statusCode} lacks the header ${header}`,
      );
    const type = String(response.headers['content-type'] ?? '').split(';')[0] ?? '';
    if (!documented.content) {
      assert.equal(response.body, '', `${method} ${path} ${response.statusCode} documents no body`);
      return;
    }
    assert.ok(documented.content[type], `${method} ${path} ${response.statusCode} sent ${type}`);
    const pointer = [
      'paths',
      path,
      method.toLowerCase(),
      'responses',
      String(response.statusCode),
      'content',
      type,
      'schema',
    ]
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.ajv.getSchema(`openapi#/${pointer}`);
    assert.ok(validate, `no schema at ${pointer}`);
    const isValid = validate(response.json());
    assert.ok(isValid, `${method} ${path} ${response.statusCode}: ${this.ajv.errorsText(validate.errors)}`);
  }
}
