import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import { users } from '../../core/auth/auth.tables.ts';
import { access } from '../../core/http/access.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import { listMembers } from '../accounts/index.ts';
import { getFramework, listFrameworkVersions, latestFrameworkVersion } from '../framework/index.ts';
import { scanOf, type ScanParams } from './scan-context.ts';
import { scanMessage } from './scan.messages.ts';
import { answersOf, isRespondent, listRespondents, listScans } from './scan.queries.ts';
import { createScan, reopenScan, submitScan } from './scan.service.ts';
import { newScanPage, scanListPage, scanOverviewPage, type NewScanForm } from './scan.views.ts';
import { organisationOf, userIdOf, dbOf } from '../../core/http/context.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type Key = Parameters<typeof scanMessage>[1];
const notices = { submitted: 'submitted', reopened: 'reopened' } as const satisfies Record<string, Key>;

function respondentIds(body: unknown): number[] {
  const raw =
    typeof body === 'object' && body !== null ? (body as Record<string, unknown>).respondents : undefined;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((v) => Number(v)).filter((n) => Number.isSafeInteger(n) && n > 0);
}

async function newScanForm(
  request: FastifyRequest,
  values: NewScanForm['values'],
  errors: NewScanForm['errors'],
) {
  const organisation = organisationOf(request);
  const members = await listMembers(dbOf(request), organisation.id);
  return newScanPage(pageContext(request), organisation, {
    values,
    errors,
    versions: listFrameworkVersions(),
    members,
  });
}

async function nameOf(request: FastifyRequest, userId: number | null): Promise<string | undefined> {
  if (userId === null) return undefined;
  const [user] = await dbOf(request).select({ name: users.name }).from(users).where(eq(users.id, userId));
  return user?.name;
}

async function renderOverview(
  request: FastifyRequest<ScanParams>,
  reply: FastifyReply,
  extra: { status?: number; notice?: string | undefined; problem?: string },
) {
  const db = dbOf(request);
  const { organisation, scan } = await scanOf(request);
  const framework = getFramework(scan.frameworkVersion);
  const answers = await answersOf(db, scan.id);
  const progress = (await listRespondents(db, scan.id)).map((r) => ({
    userId: r.userId,
    name: r.name,
    answered: answers.filter((a) => a.userId === r.userId).length,
  }));
  const page = scanOverviewPage(pageContext(request), {
    organisation,
    scan,
    progress,
    totalQuestions: framework.themes.reduce((n, t) => n + t.questions.length, 0),
    isRespondent: await isRespondent(db, scan.id, userIdOf(request)),
    submittedBy: await nameOf(request, scan.submittedByUserId),
    reopenedBy: await nameOf(request, scan.reopenedByUserId),
    notice: extra.notice,
    problem: extra.problem,
  });
  return reply
    .code(extra.status ?? 200)
    .type(contentTypes.html)
    .send(page);
}

export function registerScanRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const editor = { config: { access: access.organisation('editor') } };
  const admin = { config: { access: access.organisation('admin') } };

  app.get('/o/:code/scans', viewer, async (request, reply) => {
    const organisation = organisationOf(request);
    return reply
      .type(contentTypes.html)
      .send(scanListPage(pageContext(request), organisation, await listScans(db, organisation.id)));
  });

  app.get('/o/:code/scans/new', editor, async (request, reply) => {
    const values = {
      title: '',
      period: String(new Date().getFullYear()),
      frameworkVersion: latestFrameworkVersion(),
      respondents: [userIdOf(request)],
    };
    return reply.type(contentTypes.html).send(await newScanForm(request, values, {}));
  });

  app.post('/o/:code/scans', editor, async (request, reply) => {
    const organisation = organisationOf(request);
    const t = scanMessage.for(request.locale);
    const values = {
      title: formValue(request.body, 'title'),
      period: formValue(request.body, 'period'),
      frameworkVersion: formValue(request.body, 'frameworkVersion'),
      respondents: respondentIds(request.body),
    };
    const form = new FormChecker(request.locale).required('title', t('field.title'), values.title);
    const period = Number(values.period);
    if (!/^\d{4}$/.test(values.period) || period < 2000 || period > 2100)
      form.add('period', t('field.period.invalid'));
    form.oneOf('frameworkVersion', t('field.framework'), values.frameworkVersion, listFrameworkVersions());
    if (values.respondents.length === 0) form.add('respondents', t('field.respondents.none'));
    if (!form.isValid)
      return reply
        .code(400)
        .type(contentTypes.html)
        .send(await newScanForm(request, values, form.errors));
    const user = request.user;
    if (!user) throw new Error('access rule guarantees a user');
    const result = await createScan(db, {
      organisation,
      code: organisation.code,
      frameworkVersion: values.frameworkVersion,
      period,
      title: values.title,
      respondentIds: values.respondents,
      actor: user,
      locale: request.locale,
      publicUrl: app.services.config.publicUrl,
    });
    if (!result.ok) {
      return reply
        .code(400)
        .type(contentTypes.html)
        .send(await newScanForm(request, values, { respondents: t('field.respondents.notMembers') }));
    }
    return reply.redirect(`/o/${organisation.code}/scans/${result.scanId}`, 303);
  });

  app.get<ScanParams & { Querystring: { notice?: string } }>(
    '/o/:code/scans/:scanId',
    viewer,
    async (request, reply) => {
      const notice =
        request.query.notice === 'submitted' || request.query.notice === 'reopened'
          ? request.query.notice
          : undefined;
      return renderOverview(request, reply, {
        notice: notice ? scanMessage(request.locale, notices[notice]) : undefined,
      });
    },
  );

  app.post<ScanParams>('/o/:code/scans/:scanId/submit', editor, async (request, reply) => {
    const { organisation, scan } = await scanOf(request);
    const result = await submitScan(db, scan, userIdOf(request));
    if (result.ok)
      return reply.redirect(`/o/${organisation.code}/scans/${scan.id}/results?notice=submitted`, 303);
    const problem =
      result.problem === 'disagreements'
        ? scanMessage.for(request.locale).plural('submit.disagreements', result.questionIds.length)
        : scanMessage(request.locale, result.problem === 'notDraft' ? 'submit.notDraft' : 'submit.nothing');
    return renderOverview(request, reply, { status: 409, problem });
  });

  app.post<ScanParams>('/o/:code/scans/:scanId/reopen', admin, async (request, reply) => {
    const { organisation, scan } = await scanOf(request);
    await reopenScan(db, scan, userIdOf(request));
    return reply.redirect(`/o/${organisation.code}/scans/${scan.id}?notice=reopened`, 303);
  });
}
