import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access, hasRole } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import { practiceMessage, type PracticeKey } from './practices.messages.ts';
import { canSee, findAttachment, findPractice, hasContactConsent, viewerOf } from './practices.queries.ts';
import { setContactConsent } from './practices.service.ts';
import { consentPage, practicePage } from './practices.views.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { dbOf } from '../../core/http/context.ts';

const notices = { saved: 'saved', published: 'published', withdrawn: 'withdrawn' } as const satisfies Record<
  string,
  PracticeKey
>;
type DetailParams = { Params: { practiceId: string }; Querystring: { notice?: string } };
type AttachmentParams = { Params: { practiceId: string; attachmentId: string } };

/** The practice if this request may see it; a 404 otherwise, so that drafts do not reveal they exist. */
async function visiblePractice(request: FastifyRequest, practiceId: string) {
  const db = dbOf(request);
  const practice = await findPractice(db, idParam(practiceId));
  if (!practice || !canSee(await viewerOf(db, request.user), practice)) throw notFound();
  return practice;
}

/** Names for Content-Disposition: an ASCII fallback plus the exact name (RFC 6266 / 5987). */
function contentDisposition(filename: string, isInline: boolean): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${isInline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function registerPracticeReadRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const everyone = { config: { access: access.public } };
  const signedIn = { config: { access: access.signedIn } };

  app.get<DetailParams>('/knowledge/practices/:practiceId', everyone, async (request, reply) => {
    const practice = await visiblePractice(request, request.params.practiceId);
    const key = notices[request.query.notice as keyof typeof notices] as PracticeKey | undefined;
    const canEdit =
      request.user?.memberships.some(
        (m) => m.organisationId === practice.organisationId && hasRole(m.role, 'editor'),
      ) ?? false;
    const notice = key && canEdit ? practiceMessage(request.locale, key) : undefined;
    return reply
      .type(contentTypes.html)
      .send(practicePage(pageContext(request), practice, { canEdit, notice }));
  });

  app.get<AttachmentParams>(
    '/knowledge/practices/:practiceId/attachments/:attachmentId',
    everyone,
    async (request, reply) => {
      const practice = await visiblePractice(request, request.params.practiceId);
      const file = await findAttachment(db, practice.id, idParam(request.params.attachmentId));
      if (!file) throw notFound();
      // Images open in the browser; PDFs too, but never as anything else than their detected type.
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition(file.filename, true))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', practice.status === 'public' ? 'public, max-age=300' : 'private, no-store')
        .send(file.data);
    },
  );

  app.get<{ Querystring: { notice?: string } }>('/knowledge/contact', signedIn, async (request, reply) => {
    const userId = request.user?.id;
    if (userId === undefined) throw notFound();
    const notice =
      request.query.notice === 'on' || request.query.notice === 'off'
        ? practiceMessage(request.locale, request.query.notice === 'on' ? 'consent.on' : 'consent.off')
        : undefined;
    const isGiven = await hasContactConsent(db, userId);
    return reply.type(contentTypes.html).send(consentPage(pageContext(request), { isGiven, notice }));
  });

  app.post('/knowledge/contact', signedIn, async (request, reply) => {
    const userId = request.user?.id;
    if (userId === undefined) throw notFound();
    const isGiven = formValue(request.body, 'consent') === 'yes';
    await setContactConsent(db, userId, isGiven);
    return reply.redirect(`/knowledge/contact?notice=${isGiven ? 'on' : 'off'}`, 303);
  });
}
