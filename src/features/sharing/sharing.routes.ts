import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { access } from '../../core/http/access.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { sharingMessage } from './sharing.messages.ts';
import { networkNamesOf, setSharingMode, sharingSettingOf } from './sharing.queries.ts';
import { sharingModes, type SharingMode } from './sharing.tables.ts';
import { sharingPage } from './sharing.views.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

const isSharingMode = (value: string): value is SharingMode => sharingModes.some((m) => m === value);

async function renderSharing(
  request: FastifyRequest,
  reply: FastifyReply,
  refused?: { value: string; errors: FieldErrors },
) {
  const db = dbOf(request);
  const organisation = organisationOf(request);
  const setting = await sharingSettingOf(db, organisation.id);
  const query = request.query;
  const isSaved =
    typeof query === 'object' && query !== null && 'notice' in query && query.notice === 'saved';
  const page = sharingPage(pageContext(request), {
    organisation,
    setting,
    networks: await networkNamesOf(db, organisation.id),
    value: refused?.value ?? setting.mode,
    errors: refused?.errors ?? {},
    notice: isSaved && !refused ? sharingMessage(request.locale, 'sharing.saved') : undefined,
  });
  return reply
    .code(refused ? 400 : 200)
    .type(contentTypes.html)
    .send(page);
}

export function registerSharingRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;

  app.get('/o/:code/sharing', { config: { access: access.organisation('viewer') } }, (request, reply) =>
    renderSharing(request, reply),
  );

  app.post(
    '/o/:code/sharing',
    { config: { access: access.organisation('admin') } },
    async (request, reply) => {
      const organisation = organisationOf(request);
      const mode = formValue(request.body, 'mode');
      const form = new FormChecker(request.locale);
      if (!isSharingMode(mode)) {
        form.add('mode', sharingMessage(request.locale, 'sharing.invalid'));
        return renderSharing(request, reply, { value: mode, errors: form.errors });
      }
      await setSharingMode(db, organisation.id, mode, request.user?.id ?? 0);
      return reply.redirect(`/o/${organisation.code}/sharing?notice=saved`, 303);
    },
  );
}
