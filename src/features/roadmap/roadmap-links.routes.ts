import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { linksPage, revokePage } from './roadmap-links.views.ts';
import { roadmapPageMessage } from './roadmap-page.messages.ts';
import { createShareLink, findShareLink, listShareLinks, revokeShareLink } from './roadmap-share.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type LinkRequest = FastifyRequest<{ Params: { code: string; id: string } }>;
type NoticeRequest = FastifyRequest<{ Querystring: { created?: string; revoked?: string } }>;
const MAX_LABEL = 100;

function linkIdOf(request: LinkRequest): number {
  return idParam(request.params.id);
}

async function renderLinks(
  request: FastifyRequest,
  reply: FastifyReply,
  o: { status?: number; label?: string; errors?: FieldErrors; notice?: string } = {},
) {
  const organisation = organisationOf(request);
  const links = await listShareLinks(dbOf(request), organisation.id);
  const page = linksPage(pageContext(request), {
    organisation,
    links,
    publicUrl: request.server.services.config.publicUrl,
    label: o.label ?? '',
    errors: o.errors ?? {},
    notice: o.notice,
  });
  return reply
    .code(o.status ?? 200)
    .type(contentTypes.html)
    .send(page);
}

/** Noticed by id after a redirect, so a reload shows the same message without posting again. */
async function noticeOf(request: NoticeRequest): Promise<string | undefined> {
  const organisation = organisationOf(request);
  const [key, id] = request.query.created
    ? (['created', request.query.created] as const)
    : request.query.revoked
      ? (['revoked', request.query.revoked] as const)
      : [undefined, undefined];
  if (!key || !/^\d+$/.test(id)) return undefined;
  const link = await findShareLink(dbOf(request), organisation.id, Number(id));
  return link ? roadmapPageMessage(request.locale, key, { label: link.label }) : undefined;
}

export function registerRoadmapLinkRoutes(app: FastifyInstance): void {
  const editor = { config: { access: access.organisation('editor') } };
  const { db } = app.services.database;
  const base = (code: string) => `/o/${code}/strategy/roadmap/links`;

  app.get('/o/:code/strategy/roadmap/links', editor, async (request: NoticeRequest, reply) =>
    renderLinks(request, reply, { notice: await noticeOf(request) }),
  );

  app.post('/o/:code/strategy/roadmap/links', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const label = formValue(request.body, 'label').trim();
    const t = roadmapPageMessage.for(request.locale);
    const form = new FormChecker(request.locale).required('label', t('create.label'), label, MAX_LABEL);
    if (!form.isValid) return renderLinks(request, reply, { status: 422, label, errors: form.errors });
    const created = await createShareLink(db, {
      organisationId: organisation.id,
      actorUserId: request.user?.id ?? null,
      label,
    });
    return reply.redirect(`${base(organisation.code)}?created=${created.id}`, 303);
  });

  app.get('/o/:code/strategy/roadmap/links/:id/revoke', editor, async (request: LinkRequest, reply) => {
    const organisation = organisationOf(request);
    const link = await findShareLink(db, organisation.id, linkIdOf(request));
    if (!link) throw notFound();
    return reply.type(contentTypes.html).send(revokePage(pageContext(request), { organisation, link }));
  });

  app.post('/o/:code/strategy/roadmap/links/:id/revoke', editor, async (request: LinkRequest, reply) => {
    const organisation = organisationOf(request);
    const linkId = linkIdOf(request);
    const result = await revokeShareLink(db, {
      organisationId: organisation.id,
      linkId,
      actorUserId: request.user?.id ?? null,
    });
    if (result === 'notFound') throw notFound();
    return reply.redirect(`${base(organisation.code)}?revoked=${linkId}`, 303);
  });
}
