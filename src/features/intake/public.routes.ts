import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { and, asc, eq } from 'drizzle-orm';
import { organisations } from '../../core/db/core.tables.ts';
import { zuidHollandCode } from '../../core/db/reference-data.ts';
import { access } from '../../core/http/access.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { pageContext } from '../../core/render/layout.ts';
import type { Db } from '../../core/db/database.ts';
import { checkBrigadeFields } from './brigade-checks.ts';
import { caseCategories, contactPreferences, urgencies } from './intake.tables.ts';
import { submitCase } from './cases.service.ts';

export { checkBrigadeFields };
import {
  currentDocumentInfo,
  downloadThroughLink,
  findValidLink,
  requestGuide,
  type MailSettings,
} from './guide.service.ts';
import { intakeMessage } from './intake.messages.ts';
import {
  admitSubmission,
  checkHoneypotAndTime,
  honeypotField,
  signFormStamp,
  stampField,
} from './intake-spam.ts';
import {
  brigadeFormPage,
  downloadPage,
  guideFormPage,
  linkExpiredPage,
  otherOrganisation,
  thanksPage,
  type BrigadeFormValues,
  type GuideFormValues,
} from './public.views.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type TokenRequest = { Params: { token: string } };

export function mailSettings(request: FastifyRequest): MailSettings {
  const { publicUrl, operatorName } = request.server.services.config;
  return { locale: request.locale, publicUrl, operatorName };
}

/** Honeypot and fill-in time; a refusal message in the user's language, or undefined when fine. */
export function spamProblem(request: FastifyRequest): string | undefined {
  const verdict = checkHoneypotAndTime(request.server.services.secret, {
    honeypot: formValue(request.body, honeypotField),
    stamp: formValue(request.body, stampField),
  });
  return verdict === 'ok' ? undefined : intakeMessage(request.locale, `spam.${verdict}`);
}

async function allOrganisations(db: Db) {
  return db
    .select({ id: organisations.id, code: organisations.code, displayName: organisations.displayName })
    .from(organisations)
    .orderBy(asc(organisations.displayName));
}

export async function zuidHollandMunicipalities(db: Db) {
  return db
    .select({ id: organisations.id, code: organisations.code, displayName: organisations.displayName })
    .from(organisations)
    .where(and(eq(organisations.kind, 'municipality'), eq(organisations.provinceCode, zuidHollandCode)))
    .orderBy(asc(organisations.displayName));
}

function readGuideForm(body: unknown): GuideFormValues {
  const v = (name: string) => formValue(body, name);
  return {
    name: v('name'),
    email: v('email'),
    organisation: v('organisation'),
    organisationOther: v('organisationOther'),
    role: v('role'),
    purpose: v('purpose'),
    consent: v('consent'),
  };
}

export function readBrigadeForm(body: unknown): BrigadeFormValues {
  const v = (name: string) => formValue(body, name);
  return {
    municipality: v('municipality'),
    contactName: v('contactName'),
    contactEmail: v('contactEmail'),
    contactPhone: v('contactPhone'),
    category: v('category'),
    description: v('description'),
    urgency: v('urgency'),
    contactPreference: v('contactPreference'),
    consent: v('consent'),
  };
}

export function registerPublicRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const publicRoute = { config: { access: access.public } };
  const stamp = () => signFormStamp(app.services.secret);

  const renderGuide = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: Omit<Parameters<typeof guideFormPage>[2], 'stamp'>,
  ) =>
    reply
      .code(status)
      .type(contentTypes.html)
      .send(guideFormPage(pageContext(request), await allOrganisations(db), { ...state, stamp: stamp() }));

  app.get('/handreiking', publicRoute, (request, reply) =>
    renderGuide(request, reply, 200, { values: readGuideForm({}), errors: {} }),
  );

  app.post('/handreiking', publicRoute, async (request, reply) => {
    const values = readGuideForm(request.body);
    const honeypot = formValue(request.body, honeypotField);
    const spam = spamProblem(request);
    if (spam) return renderGuide(request, reply, 400, { values, errors: {}, problem: spam, honeypot });
    const t = intakeMessage.for(request.locale);
    const orgs = await allOrganisations(db);
    const organisation = orgs.find((o) => o.code === values.organisation);
    const form = new FormChecker(request.locale)
      .required('name', t('guide.name'), values.name)
      .email('email', t('guide.email'), values.email)
      .oneOf(
        'organisation',
        t('guide.organisation'),
        organisation || values.organisation === otherOrganisation ? 'ok' : '',
        ['ok'],
      );
    if (values.organisation === otherOrganisation)
      form.required('organisationOther', t('guide.organisationOther'), values.organisationOther);
    form.required('role', t('guide.role'), values.role);
    if (values.purpose.length > 2000) form.required('purpose', t('guide.purpose'), values.purpose, 2000);
    if (values.consent !== 'yes') form.add('consent', t('guide.consent.required'));
    if (!form.isValid) return renderGuide(request, reply, 400, { values, errors: form.errors });
    const refused = await admitSubmission(db, 'handreiking', request.ip, formValue(request.body, stampField));
    if (refused)
      return renderGuide(request, reply, refused.status, { values, errors: {}, problem: t(refused.problem) });
    await requestGuide(
      db,
      {
        name: values.name,
        email: values.email,
        organisationId: organisation?.id ?? null,
        organisationOther: organisation ? null : values.organisationOther,
        role: values.role,
        purpose: values.purpose || null,
      },
      mailSettings(request),
    );
    return reply.redirect('/handreiking/received', 303);
  });

  app.get('/handreiking/received', publicRoute, (request, reply) =>
    reply.type(contentTypes.html).send(thanksPage(pageContext(request), 'guide')),
  );

  app.get<TokenRequest>('/handreiking/download/:token', publicRoute, async (request, reply) => {
    const link = await findValidLink(db, request.params.token);
    if (!link.ok)
      return reply
        .code(410)
        .type(contentTypes.html)
        .send(linkExpiredPage(pageContext(request)));
    const document = await currentDocumentInfo(db);
    return reply
      .type(contentTypes.html)
      .header('Referrer-Policy', 'no-referrer')
      .send(
        downloadPage(pageContext(request), {
          token: request.params.token,
          expiresAt: link.expiresAt,
          document,
        }),
      );
  });

  app.get<TokenRequest>('/handreiking/download/:token/file', publicRoute, async (request, reply) => {
    const file = await downloadThroughLink(db, request.params.token);
    if (!file)
      return reply
        .code(410)
        .type(contentTypes.html)
        .send(linkExpiredPage(pageContext(request)));
    return sendPdf(reply, file);
  });

  const renderBrigade = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: Omit<Parameters<typeof brigadeFormPage>[2], 'stamp'>,
  ) =>
    reply
      .code(status)
      .type(contentTypes.html)
      .send(
        brigadeFormPage(pageContext(request), await zuidHollandMunicipalities(db), {
          ...state,
          stamp: stamp(),
        }),
      );

  app.get('/brigade', publicRoute, (request, reply) => {
    const user = request.user;
    const municipality = user?.memberships.find((m) => m.kind === 'municipality' && m.role !== 'viewer');
    // A signed-in municipal user follows the question in the app: the organisation's own form.
    if (municipality) return reply.redirect(`/o/${municipality.code}/brigade/new`, 303);
    return renderBrigade(request, reply, 200, { values: readBrigadeForm({}), errors: {} });
  });

  app.post('/brigade', publicRoute, async (request, reply) => {
    const values = readBrigadeForm(request.body);
    const honeypot = formValue(request.body, honeypotField);
    const spam = spamProblem(request);
    if (spam) return renderBrigade(request, reply, 400, { values, errors: {}, problem: spam, honeypot });
    const t = intakeMessage.for(request.locale);
    const municipality = (await zuidHollandMunicipalities(db)).find((m) => m.code === values.municipality);
    const form = new FormChecker(request.locale);
    if (!municipality) form.add('municipality', t('brigade.error.municipality'));
    checkBrigadeFields(form, request.locale, values);
    if (values.consent !== 'yes') form.add('consent', t('brigade.error.consent'));
    if (!form.isValid || !municipality)
      return renderBrigade(request, reply, 400, { values, errors: form.errors });
    const refused = await admitSubmission(db, 'brigade', request.ip, formValue(request.body, stampField));
    if (refused)
      return renderBrigade(request, reply, refused.status, {
        values,
        errors: {},
        problem: t(refused.problem),
      });
    await submitCase(db, caseInput(values, municipality.id, request.user?.id ?? null), mailSettings(request));
    return reply.redirect('/brigade/received', 303);
  });

  app.get('/brigade/received', publicRoute, (request, reply) =>
    reply.type(contentTypes.html).send(thanksPage(pageContext(request), 'brigade')),
  );
}

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  list.some((item) => item === value);

/** Values already checked by {@link checkBrigadeFields}; the fallbacks only satisfy the types. */
export function caseInput(
  values: BrigadeFormValues,
  organisationId: number,
  submittedByUserId: number | null,
) {
  return {
    organisationId,
    contactName: values.contactName,
    contactEmail: values.contactEmail.toLowerCase(),
    contactPhone: values.contactPhone || null,
    category: isOneOf(caseCategories, values.category) ? values.category : 'other',
    description: values.description,
    urgency: isOneOf(urgencies, values.urgency) ? values.urgency : 'normal',
    contactPreference: isOneOf(contactPreferences, values.contactPreference)
      ? values.contactPreference
      : 'email',
    submittedByUserId,
  };
}

export function sendPdf(reply: FastifyReply, file: { filename: string; data: Buffer }) {
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return reply
    .type(contentTypes.pdf)
    .header('Content-Disposition', `attachment; filename="${ascii}"`)
    .header('X-Content-Type-Options', 'nosniff')
    .header('Cache-Control', 'private, no-store')
    .send(file.data);
}
