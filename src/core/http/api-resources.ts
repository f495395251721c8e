import { createHash } from 'node:crypto';
import { Type, type TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from './errors.ts';

/**
 * The NL API Design Rules' conventions for a resource, shared by every slice's API: versions as
 * ETags with `If-Match` required on a change, cursor pagination with `Link` headers, and field-level
 * `invalidParams` for refused input.
 */

/** A strong ETag from the resource's version counter, which goes up on every change. */
export const etagOf = (version: number) => `"v${version}"`;

/**
 * A change must say which version it is based on (`If-Match`): 428 without it, 412 when another
 * change came first. Answers the version the client named, to pass to the service's own check.
 */
export function requireIfMatch(request: FastifyRequest, current: number): number {
  requireIfMatchTag(request, etagOf(current));
  return current;
}

/** `requireIfMatch` for a resource whose ETag is not a version counter (e.g. `digestEtag`). */
export function requireIfMatchTag(request: FastifyRequest, etag: string): void {
  const header = request.headers['if-match'];
  if (!header)
    throw new HttpError(428, 'Send If-Match with the ETag of the version this change is based on.');
  const tags = header.split(',').map((tag) => tag.trim());
  if (!tags.includes('*') && !tags.includes(etag)) throw preconditionFailedTag(etag);
}

/** 412: another change came first; the answer names the version now stored. */
export function preconditionFailed(current: number): HttpError {
  return preconditionFailedTag(etagOf(current));
}

function preconditionFailedTag(etag: string): HttpError {
  return new HttpError(412, 'The resource has changed since this version was read; read it again.', {
    currentEtag: etag,
  });
}

/**
 * A strong ETag for a resource without a version counter: a digest of its representation, so it
 * changes exactly when the representation does.
 */
export const digestEtag = (body: unknown) =>
  `"${createHash('sha256').update(JSON.stringify(body)).digest('base64url').slice(0, 27)}"`;

/** Sends the ETag, and 304 without a body when the client already holds this version. */
export function sendVersioned<T>(request: FastifyRequest, reply: FastifyReply, version: number, body: T) {
  return sendTagged(request, reply, etagOf(version), body);
}

/** `sendVersioned` with the ETag given. */
export function sendTagged<T>(request: FastifyRequest, reply: FastifyReply, etag: string, body: T) {
  reply.header('ETag', etag);
  const held = request.headers['if-none-match'];
  if (held && held.split(',').some((tag) => tag.trim() === etag)) return reply.code(304).send();
  return body;
}

/** Refused fields, each with its reason in the language of the request (API-46). */
export function invalidInput(errors: Record<string, string>): HttpError {
  return new HttpError(400, 'One or more fields are invalid.', {
    invalidParams: Object.entries(errors).map(([name, reason]) => ({ name, code: 'invalid', reason })),
  });
}

export const maxPageSize = 100;

/** The query of a paginated list: an opaque cursor from a previous page's `next` link, and a size. */
export const PageQuery = Type.Object({
  cursor: Type.Optional(Type.String({ description: 'From the `next` link of the previous page' })),
  pageSize: Type.Optional(
    Type.Integer({ minimum: 1, maximum: maxPageSize, default: 20, description: 'Items per page' }),
  ),
});

/** A list page: the items, and where the next page is (also in the `Link` header). */
export const pageOf = (item: TSchema, $id: string) =>
  Type.Object(
    {
      items: Type.Array(item),
      next: Type.Union([Type.String({ format: 'uri-reference' }), Type.Null()], {
        description: 'The next page, or null on the last',
      }),
    },
    { $id },
  );

const encodeCursor = (id: number) => Buffer.from(`id:${id}`).toString('base64url');

/** The id after which a page starts; a cursor that is not ours is refused as invalid input. */
export function cursorAfter(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^id:(\d{1,12})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match?.[1]) throw invalidInput({ cursor: 'Not a cursor of this API; follow the next link.' });
  return Number(match[1]);
}

/**
 * One page of `items` (sorted by id, at most `pageSize + 1` fetched to see whether more follow),
 * with the `Link` header to the next page.
 */
export function sendPage<T extends { id: number }>(
  request: FastifyRequest,
  reply: FastifyReply,
  items: T[],
  pageSize: number,
) {
  const page = items.slice(0, pageSize);
  const last = page.at(-1);
  let next: string | null = null;
  if (items.length > pageSize && last) {
    const url = new URL(request.url, 'http://x');
    url.searchParams.set('cursor', encodeCursor(last.id));
    url.searchParams.set('pageSize', String(pageSize));
    next = `${url.pathname}${url.search}`;
    reply.header('Link', `<${next}>; rel="next"`);
  }
  return { items: page, next };
}
