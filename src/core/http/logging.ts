import type { FastifyServerOptions } from 'fastify';

/**
 * Log lines say which route was asked and how it ended, never what a user typed: no query strings
 * (searches hold names), no bodies, and no query parameters that a database error would repeat.
 */
function pathOnly(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/** Drizzle repeats a failed query's parameters ("params: jan@…"); the query text alone is enough. */
function withoutParameters(text: string | undefined): string | undefined {
  return text?.replace(/\bparams: [^\n]*/g, 'params: [removed]');
}

interface LoggedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

function serializeError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: '', stack: '' };
  const code = (error as { code?: unknown }).code;
  const logged: LoggedError = {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    message: withoutParameters(error.message) ?? '',
    stack: withoutParameters(error.stack) ?? '',
  };
  if (error.cause !== undefined && depth < 3) logged.cause = serializeError(error.cause, depth + 1);
  return logged;
}

export const logSerializers = {
  req(request: { method: string; url?: string; routeOptions?: { url?: string }; ip?: string }) {
    return { method: request.method, url: pathOnly(request.url), remoteAddress: request.ip };
  },
  err: serializeError,
};

/** The app's logger options with the serializers above; `false` stays off. */
export function privateLogger(logger: FastifyServerOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === false || logger === undefined) return logger;
  const options = logger === true ? {} : logger;
  return { ...options, serializers: { ...logSerializers, ...(options.serializers ?? {}) } };
}
