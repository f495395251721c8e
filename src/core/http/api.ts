import swagger from '@fastify/swagger';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { access } from './access.ts';
import { apiTags } from './api-tags.ts';

export const apiPrefix = '/api/v1';
export const apiVersion = '1.0.0';

const versionHeader = {
  'API-Version': {
    type: 'string',
    required: true,
    description: 'The full version of the API (semver)',
    example: apiVersion,
  },
} as const;

export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI reference that identifies the problem type' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    invalidParams: Type.Optional(
      Type.Array(
        Type.Object({
          name: Type.String({ description: 'The parameter or field that was refused' }),
          code: Type.String({ description: 'A stable code for the reason, e.g. controlCharacter' }),
          reason: Type.String({ description: 'The reason, in the language of the request' }),
        }),
        { description: 'Per refused parameter, why (NL API Design Rules, API-46)' },
      ),
    ),
    currentEtag: Type.Optional(
      Type.String({ description: 'With 412: the ETag of the version stored now, to read it again' }),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref(Problem) } },
});

type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429;

const errorTexts: Record<ErrorStatus, string> = {
  400: 'Invalid input',
  401: 'No valid token',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'The resource changed since the version named in If-Match',
  413: 'A file is larger than the limit',
  415: 'A file is not of a type this resource takes',
  422: 'A text in the body holds a control character; invalidParams names the field',
  428: 'If-Match is required for a change',
  429: 'Too many requests of this kind in the last hour; try again later',
};

const responseHeaders = {
  ETag: {
    type: 'string',
    required: true,
    description: 'The version of the resource, for If-Match and If-None-Match',
  },
  Link: {
    type: 'string',
    description: 'RFC 8288 links; rel="next" to the next page, sent when there is one',
  },
  Location: { type: 'string', required: true, description: 'The address of the new resource' },
} as const;

export interface SuccessOptions {
  /** 201 for a create; 200 otherwise. */
  status?: 200 | 201;
  /** Headers the success answer carries besides API-Version. */
  headers?: (keyof typeof responseHeaders)[];
  /** The resource answers 304 to a matching If-None-Match. */
  notModified?: boolean;
  /** Other representations of the success body besides JSON, by media type (content negotiation). */
  otherContent?: Record<string, TSchema>;
}

/** Responses for an API route: the success body with the version header, plus problem+json errors. */
export function apiResponses(
  okDescription: string,
  body: TSchema,
  errors: ErrorStatus[] = [],
  options: SuccessOptions = {},
) {
  const headers = {
    ...versionHeader,
    ...Object.fromEntries((options.headers ?? []).map((h) => [h, responseHeaders[h]])),
  };
  return {
    [options.status ?? 200]: {
      description: okDescription,
      headers,
      content: {
        'application/json': { schema: body },
        ...Object.fromEntries(
          Object.entries(options.otherContent ?? {}).map(([t, schema]) => [t, { schema }]),
        ),
      },
    },
    ...(options.notModified
      ? { 304: { type: 'null', description: 'Not modified: the client holds this version', headers } }
      : {}),
    ...Object.fromEntries(errors.map((s) => [s, problem(errorTexts[s])])),
    500: problem('Server error'),
  };
}

type HeaderObject = { required?: boolean; schema?: { required?: unknown } };

/**
 * A response header's `required` belongs to the header object, not to its schema, where
 * @fastify/swagger puts every key of a route's header declaration: move it there.
 */
function liftHeaderRequired<T extends object>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, unknown>> }).paths ?? {};
  for (const operations of Object.values(paths))
    for (const operation of Object.values(operations ?? {})) {
      if (typeof operation !== 'object' || operation === null || !('responses' in operation)) continue;
      const responses = operation.responses as Record<string, { headers?: Record<string, HeaderObject> }>;
      for (const response of Object.values(responses))
        for (const header of Object.values(response.headers ?? {})) {
          if (header.schema?.required !== true) continue;
          header.required = true;
          delete header.schema.required;
        }
    }
  return document;
}

/**
 * Responses for a download: the stored file in one of `mediaTypes` (binary), with the version
 * header and the file's name in Content-Disposition, plus problem+json errors.
 */
export function apiFileResponses(okDescription: string, mediaTypes: string[], errors: ErrorStatus[]) {
  return {
    200: {
      description: okDescription,
      headers: {
        ...versionHeader,
        'Content-Disposition': {
          type: 'string',
          required: true,
          description: 'attachment, with the file’s name',
        },
      },
      content: Object.fromEntries(
        mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
      ),
    },
    ...Object.fromEntries(errors.map((s) => [s, problem(errorTexts[s])])),
    500: problem('Server error'),
  };
}

/** The answer of a delete: no body, the version header. */
export function apiDeleteResponses(errors: ErrorStatus[]) {
  return {
    204: { type: 'null', description: 'Deleted', headers: versionHeader },
    ...Object.fromEntries(errors.map((s) => [s, problem(errorTexts[s])])),
    500: problem('Server error'),
  };
}

/**
 * The API's address in its OpenAPI document, always on https: the API Design Rules allow an API
 * only over TLS (/core/transport/tls), and a deployment is reached through a TLS-terminating proxy.
 * A developer's instance on http://localhost documents the address it will have behind TLS
 * (decision 0018).
 */
export function apiServerUrl(publicUrl: string): string {
  return publicUrl.replace(/^http:/, 'https:');
}

/**
 * Without CONTACT_EMAIL the API names the postmaster of its own domain, which every mail domain must
 * accept (RFC 5321, 4.5.1); a developer's machine, named without a domain, is `localhost.localdomain`.
 */
export function postmasterOf(publicUrl: string): string {
  const host = new URL(publicUrl).hostname;
  return `postmaster@${host.includes('.') ? host : `${host}.localdomain`}`;
}

/** OpenAPI generation, the version header and CORS for the API; the document at /api/v1/openapi.json. */
export async function registerApi(app: FastifyInstance): Promise<void> {
  const { config } = app.services;
  app.addSchema(Problem);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Routekaart API',
        version: apiVersion,
        description:
          'Open interface of Routekaart: reference data on organisations and, per capability, the data that ' +
          'organisations publish. Follows the NL API Design Rules.',
        contact: {
          name: config.operatorName,
          email: config.contactEmail ?? postmasterOf(config.publicUrl),
          url: apiServerUrl(config.publicUrl),
        },
        license: {
          name: 'EUPL-1.2',
          url: 'https://interoperable-europe.ec.europa.eu/collection/eupl/eupl-text-eupl-12',
        },
      },
      servers: [{ url: `${apiServerUrl(config.publicUrl)}${apiPrefix}` }],
      components: {
        securitySchemes: {
          organisationToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token of the organisation, made by its administrator under Colleagues → API tokens.',
          },
        },
      },
      tags: apiTags,
    },
    transformObject: (documentObject) =>
      'openapiObject' in documentObject
        ? liftHeaderRequired(documentObject.openapiObject)
        : documentObject.swaggerObject,
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    transform: ({ schema, url }) => {
      if (!url.startsWith(`${apiPrefix}/`)) return { schema: { ...schema, hide: true }, url };
      return { schema, url: url.slice(apiPrefix.length) };
    },
  });

  app.addHook('onSend', async (request, reply) => {
    if (!request.isApi) return;
    reply.header('API-Version', apiVersion);
    // The API uses no cookies, so any origin may read it.
    reply.header('Access-Control-Allow-Origin', '*');
  });

  app.get(
    `${apiPrefix}/openapi.json`,
    {
      config: { access: access.public },
      schema: {
        summary: 'This OpenAPI document',
        description: 'The OpenAPI 3 description of this API, readable from any origin.',
        operationId: 'getOpenApiDocument',
        tags: ['meta'],
        response: {
          200: {
            description: 'The OpenAPI 3 document of this API',
            headers: {
              ...versionHeader,
              'access-control-allow-origin': { type: 'string', description: 'Always *', example: '*' },
            },
            content: { 'application/json': { schema: { type: 'object', additionalProperties: true } } },
          },
        },
      },
    },
    async () => app.swagger(),
  );
}
