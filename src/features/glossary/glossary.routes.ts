import type { FastifyInstance } from 'fastify';
import { access } from '../../core/http/access.ts';
import { contentTypes } from '../../core/http/content-types.ts';
import { pageContext } from '../../core/render/layout.ts';
import { glossaryPage, glossaryPath } from './glossary.views.ts';

export function registerGlossaryRoutes(app: FastifyInstance): void {
  app.get(glossaryPath, { config: { access: access.public } }, (request, reply) =>
    reply.type(contentTypes.html).send(glossaryPage(pageContext(request))),
  );
}
