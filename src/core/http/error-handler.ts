import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { coreMessage } from '../i18n/core.messages.ts';
import { html } from '../render/html.ts';
import { pageContext, renderPage } from '../render/layout.ts';
import { HttpError, InputError } from './errors.ts';
import { retryAfterSeconds } from '../workers/worker-pool.ts';
import { contentTypes } from './content-types.ts';

const knownStatuses = [400, 401, 403, 404, 409, 413, 414, 422, 429] as const;
type KnownStatus = (typeof knownStatuses)[number];
const isKnown = (s: number): s is KnownStatus => (knownStatuses as readonly number[]).includes(s);

/** Errors of the multipart parser (busboy) about the body itself: the client's fault, not ours. */
const malformedMultipart =
  /^(Multipart: |Unexpected end of (form|multipart data)|Malformed (part header|urlencoded form))/;

function statusOf(error: FastifyError | HttpError): number {
  if (
    !(error instanceof HttpError) &&
    error.statusCode === undefined &&
    malformedMultipart.test(error.message)
  )
    return 400;
  const status = error instanceof HttpError ? error.status : (error.statusCode ?? 500);
  return status >= 400 && status < 600 ? status : 500;
}

export function sendProblem(reply: FastifyReply, status: number, title: string, detail?: string, extra = {}) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}), ...extra });
}

function renderErrorPage(
  request: FastifyRequest,
  status: number,
  message: string,
  typed: InputError['typed'] = [],
  isBusy = false,
): string {
  const ctx = pageContext(request);
  const t = coreMessage.for(ctx.locale);
  const title = isBusy ? t('error.busy.title') : status === 404 ? t('error.404.title') : t('error.title');
  return renderPage(ctx, {
    title,
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      <p class="utrecht-paragraph">${message}</p>
      ${typed.map(
        (field, i) =>
          html`<div class="utrecht-form-field utrecht-form-field--textarea">
            <div class="utrecht-form-field__label">
              <label class="utrecht-form-label" for="typed-${i}"
                >${t('error.typed', { name: field.name })}</label
              >
            </div>
            <div class="utrecht-form-field__input">
              <textarea
                class="utrecht-textarea utrecht-textarea--html-textarea"
                id="typed-${i}"
                readonly
                rows="4"
              >
${field.text}</textarea>
            </div>
          </div>`,
      )}
      <p class="utrecht-paragraph"><a class="utrecht-link" href="/">${t('error.backHome')}</a></p>`,
  });
}

/** One error type, one handler: an accessible page for people, problem+json for the API. */
export function answerError(error: FastifyError | HttpError, request: FastifyRequest, reply: FastifyReply) {
  const status = statusOf(error);
  const locale = request.locale;
  if (status === 401 && !request.isApi && request.method === 'GET') {
    return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
  }
  let message: string;
  let incidentId: string | undefined;
  const reason = error instanceof HttpError ? error.extra.reason : undefined;
  const isBusy = reason === 'busy' || reason === 'tooSlow';
  if (isBusy) {
    // Not a fault: the worker pool is full or a task ran out of time. Ask to come back later.
    request.log.warn({ reason, url: request.routeOptions.url }, 'heavy work refused');
    reply.header('Retry-After', String(retryAfterSeconds));
    message = coreMessage(locale, reason === 'busy' ? 'error.busy' : 'error.tooSlow');
  } else if (status >= 500) {
    incidentId = randomUUID().slice(0, 8);
    request.log.error({ err: error, incidentId }, 'request failed');
    message = coreMessage(locale, 'error.500', { id: incidentId });
  } else if (!(error instanceof HttpError) && malformedMultipart.test(error.message)) {
    message = coreMessage(locale, 'error.malformed');
  } else if (error instanceof HttpError && error.extra.reason === 'csrf') {
    message = coreMessage(locale, 'error.csrf');
  } else if (error instanceof HttpError && error.detail) {
    message = error.detail;
  } else if (request.isApi && 'validation' in error && error.validation) {
    message = error.message;
  } else {
    message = coreMessage(locale, isKnown(status) ? `error.${status}` : 'error.400');
  }
  if (request.isApi) {
    if (status === 401) reply.header('WWW-Authenticate', 'Bearer realm="routekaart"');
    const extra = error instanceof HttpError ? error.extra : validationParams(error);
    return sendProblem(reply, status, httpTitle(status), message, {
      ...extra,
      ...(incidentId ? { incidentId } : {}),
    });
  }
  return reply
    .code(status)
    .type(contentTypes.html)
    .send(renderErrorPage(request, status, message, error instanceof InputError ? error.typed : [], isBusy));
}

/** A schema validation failure as field-level `invalidParams` (API-46), one per refused field. */
function validationParams(error: FastifyError): Record<string, unknown> {
  if (!error.validation) return {};
  return {
    invalidParams: error.validation.map((v) => {
      const missing = (v.params as { missingProperty?: string }).missingProperty;
      const path = `${error.validationContext ?? ''}${v.instancePath}`.replace(/^\//, '').replace(/\//g, '.');
      return {
        name: [path, missing].filter(Boolean).join('.') || (error.validationContext ?? 'body'),
        code: v.keyword,
        reason: v.message ?? 'invalid',
      };
    }),
  };
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(answerError);

  app.setNotFoundHandler((request, reply) => {
    if (request.isApi)
      return sendProblem(reply, 404, httpTitle(404), coreMessage(request.locale, 'error.404'));
    return reply
      .code(404)
      .type(contentTypes.html)
      .send(renderErrorPage(request, 404, coreMessage(request.locale, 'error.404')));
  });
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function httpTitle(status: number): string {
  return titles[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}
