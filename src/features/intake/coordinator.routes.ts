import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../core/db/database.ts';
import { networkCodes } from '../../core/db/reference-data.ts';
import { access } from '../../core/http/access.ts';
import { notFound } from '../../core/http/errors.ts';
import { formValue, isEmail } from '../../core/http/forms.ts';
import { detectFileKind, formFile } from '../../core/http/uploads.ts';
import { outbox } from '../../core/mail/mail.tables.ts';
import { toCsv } from '../../core/render/csv.ts';
import { recordPersonalDataExport } from '../../core/db/audit.ts';
import { userIdOf } from '../../core/http/context.ts';
import { pageContext } from '../../core/render/layout.ts';
import { casesMessage } from './cases.messages.ts';
import { isOpen } from './cases-rules.ts';
import { documentPage, overviewPage, personalDataPage, requestsPage } from './coordinator.views.ts';
import {
  closeGuideRequest,
  currentDocumentInfo,
  documentFile,
  listDocumentVersions,
  listGuideRequests,
  renewGuideLink,
  requestStates,
  uploadDocument,
} from './guide.service.ts';
import { brigadeCases, guideDocuments, guideRequests } from './intake.tables.ts';
import { deletePersonalData, exportPersonalData } from './privacy.service.ts';
import { mailSettings, sendPdf } from './public.routes.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

export type NetworkRequest = {
  Params: { network: string; id: string };
  Querystring: Record<string, string | undefined>;
};

/** The intake belongs to the province's network; other networks have none. */
export function intakeNetwork(request: FastifyRequest<{ Params: { network: string } }>): string {
  if (request.params.network !== networkCodes.zuidHolland) throw notFound();
  return request.params.network;
}

const isRequestState = (value: string | undefined) => requestStates.find((s) => s === value);

async function overviewData(db: Db, network: string) {
  const [requests] = await db
    .select({
      total: count(),
      open: sql<number>`count(*) filter (where ${guideRequests.closedAt} is null and ${guideRequests.tokenExpiresAt} > now())::int`,
    })
    .from(guideRequests);
  const cases = await db.select({ status: brigadeCases.status }).from(brigadeCases);
  const intakeAddresses = sql`(select lower(${guideRequests.email}) from ${guideRequests} where ${guideRequests.email} is not null union select lower(${brigadeCases.contactEmail}) from ${brigadeCases} where ${brigadeCases.contactEmail} is not null)`;
  const failedMail = await db
    .select({ recipient: outbox.recipient, subject: outbox.subject, lastError: outbox.lastError })
    .from(outbox)
    .where(and(eq(outbox.status, 'failed'), sql`lower(${outbox.recipient}) in ${intakeAddresses}`));
  const [waiting] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), sql`lower(${outbox.recipient}) in ${intakeAddresses}`));
  return {
    network,
    requests: { total: requests?.total ?? 0, open: Number(requests?.open ?? 0) },
    cases: { total: cases.length, open: cases.filter((c) => isOpen(c.status)).length },
    documentVersion: (await currentDocumentInfo(db))?.version,
    failedMail,
    waitingMail: waiting?.n ?? 0,
  };
}

export function registerCoordinatorRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const coordinator = { config: { access: access.networkCoordinator } };
  const actor = (request: FastifyRequest) => request.user?.id ?? 0;
  const notices = ['renewed', 'closed', 'saved'] as const;
  const noticeOf = (request: FastifyRequest<NetworkRequest>) => {
    const wanted = notices.find((n) => n === request.query.notice);
    return wanted ? casesMessage(request.locale, `notice.${wanted}`) : undefined;
  };

  app.get<NetworkRequest>('/networks/:network/intake', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    return reply
      .type(contentTypes.html)
      .send(overviewPage(pageContext(request), await overviewData(db, network)));
  });

  const requestFilter = (request: FastifyRequest<NetworkRequest>) => {
    const state = isRequestState(request.query.status);
    const search = (request.query.q ?? '').trim().slice(0, 100);
    return { ...(state ? { state } : {}), ...(search ? { search } : {}) };
  };

  app.get<NetworkRequest>('/networks/:network/intake/requests', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const filter = requestFilter(request);
    const rows = await listGuideRequests(db, filter);
    const page = requestsPage(pageContext(request), {
      network,
      rows,
      search: filter.search ?? '',
      state: filter.state ?? '',
      notice: noticeOf(request),
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.get<NetworkRequest>('/networks/:network/intake/requests.csv', coordinator, async (request, reply) => {
    intakeNetwork(request);
    const t = casesMessage.for(request.locale);
    const rows = await listGuideRequests(db, requestFilter(request));
    await recordPersonalDataExport(db, {
      actorUserId: userIdOf(request),
      export: 'requests.csv',
      rows: rows.length,
    });
    const csv = toCsv([
      [
        t('col.number'),
        t('col.name'),
        t('col.email'),
        t('col.organisation'),
        t('col.role'),
        t('col.requested'),
        t('col.state'),
        t('col.expires'),
        t('col.downloads'),
      ],
      ...rows.map((r) => [
        r.id,
        r.name,
        r.email,
        r.organisation,
        r.role,
        r.createdAt.toISOString(),
        t(`state.${r.state}`),
        r.expiresAt.toISOString(),
        r.downloadCount,
      ]),
    ]);
    return reply
      .type(contentTypes.csv)
      .header('Content-Disposition', 'attachment; filename="handreiking-aanvragen.csv"')
      .send(csv);
  });

  app.post<NetworkRequest>(
    '/networks/:network/intake/requests/:id/renew',
    coordinator,
    async (request, reply) => {
      const network = intakeNetwork(request);
      const isRenewed = await renewGuideLink(
        db,
        idParam(request.params.id),
        actor(request),
        mailSettings(request),
      );
      if (!isRenewed) throw notFound();
      return reply.redirect(`/networks/${network}/intake/requests?notice=renewed`, 303);
    },
  );

  app.post<NetworkRequest>(
    '/networks/:network/intake/requests/:id/close',
    coordinator,
    async (request, reply) => {
      const network = intakeNetwork(request);
      await closeGuideRequest(db, idParam(request.params.id), actor(request));
      return reply.redirect(`/networks/${network}/intake/requests?notice=closed`, 303);
    },
  );

  registerDocumentRoutes(app);
  registerPersonalDataRoutes(app);
}

function registerDocumentRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const coordinator = { config: { access: access.networkCoordinator } };
  const render = async (
    request: FastifyRequest<NetworkRequest>,
    reply: FastifyReply,
    status: number,
    extra: { error?: string; notice?: string } = {},
  ) =>
    reply
      .code(status)
      .type(contentTypes.html)
      .send(
        documentPage(pageContext(request), {
          network: intakeNetwork(request),
          versions: await listDocumentVersions(db),
          ...extra,
        }),
      );

  app.get<NetworkRequest>('/networks/:network/intake/document', coordinator, (request, reply) => {
    const version = Number(request.query.uploaded);
    const notice =
      Number.isSafeInteger(version) && version > 0
        ? casesMessage(request.locale, 'notice.uploaded', { version })
        : undefined;
    return render(request, reply, 200, notice ? { notice } : {});
  });

  app.post<NetworkRequest>('/networks/:network/intake/document', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const t = casesMessage.for(request.locale);
    const file = formFile(request.body, 'file');
    if (!file) return render(request, reply, 400, { error: t('document.required') });
    if (file.isTooLarge) return render(request, reply, 413, { error: t('document.tooLarge') });
    if ((await detectFileKind(file.data))?.kind !== 'pdf')
      return render(request, reply, 422, { error: t('document.notPdf') });
    const version = await uploadDocument(db, file, request.user?.id ?? 0);
    return reply.redirect(`/networks/${network}/intake/document?uploaded=${version}`, 303);
  });

  app.get<NetworkRequest>('/networks/:network/intake/document/:id', coordinator, async (request, reply) => {
    intakeNetwork(request);
    const file = await documentFile(db, eq(guideDocuments.id, idParam(request.params.id)));
    if (!file) throw notFound();
    return sendPdf(reply, file);
  });
}

function registerPersonalDataRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const coordinator = { config: { access: access.networkCoordinator } };
  const emailOf = (value: string | undefined) => {
    const email = (value ?? '').trim().toLowerCase();
    if (!isEmail(email)) throw notFound();
    return email;
  };

  app.get<NetworkRequest>('/networks/:network/intake/personal-data', coordinator, async (request, reply) => {
    const network = intakeNetwork(request);
    const email = emailOf(request.query.email);
    const data = await exportPersonalData(db, email);
    const deleted =
      request.query.notice === 'deleted'
        ? casesMessage(request.locale, 'notice.deleted', { email })
        : undefined;
    const page = personalDataPage(pageContext(request), {
      network,
      email,
      requests: data.guideRequests.length,
      cases: data.brigadeQuestions.length,
      notice: deleted,
    });
    return reply.type(contentTypes.html).send(page);
  });

  app.get<NetworkRequest>(
    '/networks/:network/intake/personal-data.json',
    coordinator,
    async (request, reply) => {
      intakeNetwork(request);
      const data = await exportPersonalData(db, emailOf(request.query.email));
      return reply
        .type(contentTypes.json)
        .header('Content-Disposition', 'attachment; filename="persoonsgegevens.json"')
        .header('Cache-Control', 'private, no-store')
        .send(JSON.stringify(data, null, 2));
    },
  );

  app.post<NetworkRequest>(
    '/networks/:network/intake/personal-data/delete',
    coordinator,
    async (request, reply) => {
      const network = intakeNetwork(request);
      const email = emailOf(formValue(request.body, 'email'));
      await deletePersonalData(db, email, request.user?.id ?? 0);
      return reply.redirect(
        `/networks/${network}/intake/personal-data?${new URLSearchParams({ email, notice: 'deleted' }).toString()}`,
        303,
      );
    },
  );
}
