/** The one error type of the application; the error handler turns it into a page or problem+json. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    /** Shown to the user; must not contain internals. */
    readonly detail?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail ?? `HTTP ${status}`);
  }
}

export const badRequest = (detail?: string, extra?: Record<string, unknown>) =>
  new HttpError(400, detail, extra);
export const unauthorized = () => new HttpError(401);
export const forbidden = (detail?: string) => new HttpError(403, detail);
export const notFound = (detail?: string) => new HttpError(404, detail);
export const conflict = (detail?: string, extra?: Record<string, unknown>) =>
  new HttpError(409, detail, extra);
