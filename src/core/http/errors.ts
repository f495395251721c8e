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

/**
 * Input refused before any handler ran (control characters, a malformed body): names the fields
 * and carries what was typed, cleaned, so that the page can show it back and nothing is lost.
 */
export class InputError extends HttpError {
  constructor(
    status: number,
    detail: string,
    readonly fields: readonly string[],
    readonly typed: readonly { name: string; text: string }[] = [],
  ) {
    super(status, detail, {
      invalidParams: fields.map((name) => ({ name, code: 'controlCharacter', reason: detail })),
    });
  }
}
