import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roles, type Role } from '../../core/auth/auth.tables.ts';
import { access } from '../../core/http/access.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { notFound } from '../../core/http/errors.ts';
import { FormChecker, formValue } from '../../core/http/forms.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { FieldErrors } from '../../core/render/form-fields.ts';
import { pageContext } from '../../core/render/layout.ts';
import { membersMessage } from './members.messages.ts';
import {
  changeRole,
  endMemberSessions,
  inviteMember,
  listMembers,
  listPendingInvitations,
  removeMember,
  revokeInvitation,
} from './members.service.ts';
import { membersPage, removeMemberPage } from './members.views.ts';
import { organisationOf, dbOf } from '../../core/http/context.ts';
import { idParam } from '../../core/http/params.ts';
import { contentTypes } from '../../core/http/content-types.ts';

type MemberParams = { Params: { code: string; userId: string } };
const notices = ['invite.sent', 'roleChanged', 'removed', 'pending.revoked', 'sessionsEnded'] as const;
type Notice = (typeof notices)[number];
const isNotice = (value: unknown): value is Notice => notices.some((n) => n === value);
const isRole = (value: string): value is Role => roles.some((r) => r === value);

async function renderMembers(
  request: FastifyRequest,
  reply: FastifyReply,
  extra: {
    status?: number;
    problem?: string;
    inviteValues?: { email?: string; role?: string };
    inviteErrors?: FieldErrors;
  } = {},
) {
  const db = dbOf(request);
  const organisation = organisationOf(request);
  const query = request.query as Record<string, unknown>;
  const isAdmin = organisation.role === 'admin';
  const html = membersPage(pageContext(request), {
    organisation,
    members: await listMembers(db, organisation.id),
    pending: isAdmin ? await listPendingInvitations(db, organisation.id) : [],
    notice: isNotice(query.notice) ? membersMessage(request.locale, query.notice) : undefined,
    problem: extra.problem,
    inviteValues: extra.inviteValues ?? {},
    inviteErrors: extra.inviteErrors ?? {},
  });
  return reply
    .code(extra.status ?? 200)
    .type(contentTypes.html)
    .send(html);
}

export function registerMemberRoutes(app: FastifyInstance): void {
  const { db } = app.services.database;
  const viewer = { config: { access: access.organisation('viewer') } };
  const admin = { config: { access: access.organisation('admin') } };
  /** Roles and a colleague's sessions: only after a recent sign-in or password (issue 15). */
  const sensitive = {
    config: { ...admin.config, recentAuthentication: { returnTo: '/o/:code/members' } },
  };
  const back = (organisation: OrganisationScope, notice: Notice) =>
    `/o/${organisation.code}/members?notice=${notice}`;

  app.get('/o/:code/members', viewer, (request, reply) => renderMembers(request, reply));

  app.post('/o/:code/members/invite', sensitive, async (request, reply) => {
    const organisation = organisationOf(request);
    const t = membersMessage.for(request.locale);
    const values = { email: formValue(request.body, 'email'), role: formValue(request.body, 'role') };
    const form = new FormChecker(request.locale)
      .email('email', t('invite.email'), values.email)
      .oneOf('role', t('invite.role'), values.role, roles);
    if (!form.isValid || !isRole(values.role)) {
      return renderMembers(request, reply, { status: 400, inviteValues: values, inviteErrors: form.errors });
    }
    const user = request.user;
    if (!user) throw notFound();
    const result = await inviteMember(db, {
      organisation,
      email: values.email,
      role: values.role,
      inviter: user,
      locale: request.locale,
      publicUrl: app.services.config.publicUrl,
    });
    if (!result.ok) {
      const inviteErrors = { email: t('invite.alreadyMember', { email: values.email }) };
      return renderMembers(request, reply, { status: 409, inviteValues: values, inviteErrors });
    }
    return reply.redirect(back(organisation, 'invite.sent'), 303);
  });

  app.post('/o/:code/invitations/revoke', admin, async (request, reply) => {
    const organisation = organisationOf(request);
    const revoked = await revokeInvitation(
      db,
      organisation.id,
      formValue(request.body, 'id'),
      request.user?.id ?? 0,
    );
    if (!revoked)
      return renderMembers(request, reply, {
        status: 409,
        problem: membersMessage(request.locale, 'pending.gone'),
      });
    return reply.redirect(back(organisation, 'pending.revoked'), 303);
  });

  app.post<MemberParams>('/o/:code/members/:userId/role', sensitive, async (request, reply) => {
    const organisation = organisationOf(request);
    const role = formValue(request.body, 'role');
    const expectedRole = formValue(request.body, 'expectedRole');
    if (!isRole(role) || !isRole(expectedRole)) {
      return renderMembers(request, reply, {
        status: 400,
        problem: coreMessage(request.locale, 'error.400'),
      });
    }
    const result = await changeRole(db, {
      organisationId: organisation.id,
      userId: idParam(request.params.userId),
      role,
      expectedRole,
      actorUserId: request.user?.id ?? 0,
    });
    if (result.ok) return reply.redirect(back(organisation, 'roleChanged'), 303);
    const roleName = (r: Role) => coreMessage(request.locale, `role.${r}`).toLowerCase();
    const problem =
      result.problem === 'conflict'
        ? membersMessage(request.locale, 'conflict', {
            name: result.name,
            current: roleName(result.current),
            wanted: roleName(role),
          })
        : membersMessage(request.locale, result.problem);
    return renderMembers(request, reply, { status: 409, problem });
  });

  app.get<MemberParams>('/o/:code/members/:userId/remove', admin, async (request, reply) => {
    const organisation = organisationOf(request);
    const userId = idParam(request.params.userId);
    const member = (await listMembers(db, organisation.id)).find((m) => m.userId === userId);
    if (!member) throw notFound(membersMessage(request.locale, 'notMember'));
    return reply.type(contentTypes.html).send(removeMemberPage(pageContext(request), organisation, member));
  });

  app.post<MemberParams>('/o/:code/members/:userId/remove', admin, async (request, reply) => {
    const organisation = organisationOf(request);
    const result = await removeMember(db, {
      organisationId: organisation.id,
      userId: idParam(request.params.userId),
      actorUserId: request.user?.id ?? 0,
    });
    if (result.ok) return reply.redirect(back(organisation, 'removed'), 303);
    return renderMembers(request, reply, {
      status: 409,
      problem: membersMessage(request.locale, result.problem),
    });
  });

  app.post<MemberParams>('/o/:code/members/:userId/sessions/end', sensitive, async (request, reply) => {
    const organisation = organisationOf(request);
    const result = await endMemberSessions(db, {
      organisationId: organisation.id,
      userId: idParam(request.params.userId),
      actorUserId: request.user?.id ?? 0,
    });
    if (result.ok) return reply.redirect(back(organisation, 'sessionsEnded'), 303);
    return renderMembers(request, reply, {
      status: 404,
      problem: membersMessage(request.locale, result.problem),
    });
  });
}
