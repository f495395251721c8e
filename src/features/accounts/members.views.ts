import { roles, type Role } from '../../core/auth/auth.tables.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import { formatDate } from '../../core/i18n/i18n.ts';
import { actionButton, alert, button, csrfField, table, problemAlert } from '../../core/render/components.ts';
import { errorSummary, choiceGroup, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import type { OrganisationScope } from '../../core/http/context.ts';
import { membersMessage } from './members.messages.ts';

export interface MemberRow {
  userId: number;
  name: string;
  email: string;
  role: Role;
  since: Date;
}

export interface PendingRow {
  id: string;
  email: string | null;
  role: Role | null;
  expiresAt: Date;
}

export interface MembersPageData {
  organisation: OrganisationScope;
  members: MemberRow[];
  pending: PendingRow[];
  notice?: string | undefined;
  problem?: string | undefined;
  inviteValues: { email?: string; role?: string };
  inviteErrors: FieldErrors;
}

function roleSelect(ctx: PageContext, code: string, member: MemberRow): SafeHtml {
  const t = membersMessage.for(ctx.locale);
  const id = `role-${member.userId}`;
  return html`<form method="post" action="/o/${code}/members/${member.userId}/role" class="rk-inline-form">
      ${csrfField(ctx.csrfToken)}
      <input type="hidden" name="expectedRole" value="${member.role}" />
      <label class="rk-visually-hidden" for="${id}">${t('changeRole', { name: member.name })}</label>
      <select class="utrecht-select utrecht-select--html-select" id="${id}" name="role">
        ${roles.map((r) => html`<option value="${r}" ${r === member.role ? 'selected' : ''}>${coreMessage(ctx.locale, `role.${r}`)}</option>`)}
      </select>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">${t('saveRole')}</button>
    </form>
    <a
      class="utrecht-link"
      href="/o/${code}/members/${member.userId}/remove"
      aria-label="${t('removeLabel', { name: member.name })}"
      >${t('remove')}</a
    >
    ${actionButton({
      action: `/o/${code}/members/${member.userId}/sessions/end`,
      label: t('endSessions'),
      ariaLabel: t('endSessionsLabel', { name: member.name }),
      csrfToken: ctx.csrfToken,
      kind: 'subtle',
    })}`;
}

function membersTable(ctx: PageContext, data: MembersPageData): SafeHtml {
  const t = membersMessage.for(ctx.locale);
  const isAdmin = data.organisation.role === 'admin';
  if (data.members.length === 0) return html`<p class="utrecht-paragraph">${t('empty')}</p>`;
  return html`${table({
    caption: t('table.caption', { organisation: data.organisation.displayName }),
    columns: [
      { label: t('table.name') },
      { label: t('table.email') },
      { label: t('table.role') },
      { label: t('table.since') },
      ...(isAdmin ? [{ label: t('table.actions') }] : []),
    ],
    rows: data.members.map((m) => ({
      header: html`${m.name} ${m.userId === ctx.user?.id ? t('you') : ''}`,
      cells: [
        m.email,
        coreMessage(ctx.locale, `role.${m.role}`),
        formatDate(ctx.locale, m.since),
        ...(isAdmin ? [roleSelect(ctx, data.organisation.code, m)] : []),
      ],
    })),
  })}`;
}

function inviteSection(ctx: PageContext, data: MembersPageData): SafeHtml {
  const t = membersMessage.for(ctx.locale);
  const choices = roles.map((r) => ({
    value: r,
    label: coreMessage(ctx.locale, `role.${r}`),
    description: coreMessage(ctx.locale, `role.${r}.description`),
  }));
  return html`<section aria-labelledby="invite-heading">
    <h2 class="utrecht-heading-2" id="invite-heading">${t('invite.title')}</h2>
    ${errorSummary(ctx.locale, data.inviteErrors)}
    <p class="utrecht-paragraph">${t('invite.intro')}</p>
    <form method="post" action="/o/${data.organisation.code}/members/invite" novalidate>
      ${csrfField(ctx.csrfToken)}
      ${textField({ name: 'email', label: t('invite.email'), type: 'email', autocomplete: 'off', value: data.inviteValues.email, error: data.inviteErrors.email, required: true, locale: ctx.locale })}
      ${choiceGroup({ type: 'radio', name: 'role', label: t('invite.role'), choices, chosen: [data.inviteValues.role ?? 'editor'], error: data.inviteErrors.role, locale: ctx.locale })}
      <div class="rk-actions">${button(t('invite.submit'))}</div>
    </form>
  </section>`;
}

function pendingSection(ctx: PageContext, data: MembersPageData): SafeHtml | '' {
  const t = membersMessage.for(ctx.locale);
  if (data.pending.length === 0) return '';
  return html`<section aria-labelledby="pending-heading">
    <h2 class="utrecht-heading-2" id="pending-heading">${t('pending.title')}</h2>
    ${table({
      caption: t('pending.caption'),
      columns: [
        { label: t('table.email') },
        { label: t('table.role') },
        { label: t('pending.expires') },
        { label: t('table.actions') },
      ],
      rows: data.pending.map((p) => ({
        header: p.email,
        cells: [
          p.role ? coreMessage(ctx.locale, `role.${p.role}`) : '',
          formatDate(ctx.locale, p.expiresAt),
          actionButton({
            action: `/o/${data.organisation.code}/invitations/revoke`,
            label: t('pending.revoke'),
            ariaLabel: t('pending.revokeLabel', { email: p.email ?? '' }),
            csrfToken: ctx.csrfToken,
            hidden: { id: p.id },
          }),
        ],
      })),
    })}
  </section>`;
}

export function membersPage(ctx: PageContext, data: MembersPageData): string {
  const t = membersMessage.for(ctx.locale);
  const organisation = data.organisation.displayName;
  return renderPage(ctx, {
    title: t('title', { organisation }),
    nav: 'dashboard',
    breadcrumbs: [{ href: `/o/${data.organisation.code}`, label: organisation }],
    main: html`<h1 class="utrecht-heading-1">${t('title', { organisation })}</h1>
      ${data.notice ? alert('ok', html`<p class="utrecht-paragraph">${data.notice}</p>`) : ''}
      ${problemAlert(data.problem)}
      <p class="utrecht-paragraph">${t('intro', { organisation })}</p>
      ${membersTable(ctx, data)}
      ${
        data.organisation.role === 'admin'
          ? html`${pendingSection(ctx, data)}${inviteSection(ctx, data)}
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/o/${data.organisation.code}/api-tokens">${t('apiTokens')}</a>
              </p>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/o/${data.organisation.code}/audit">${t('auditTrail')}</a>
              </p>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/o/${data.organisation.code}/members/second-factor"
                  >${t('secondFactor')}</a
                >
              </p>
              <p class="utrecht-paragraph">
                <a class="utrecht-link" href="/o/${data.organisation.code}/sign-on">${t('signOn')}</a>
              </p>`
          : ''
      }`,
  });
}

export function removeMemberPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  member: MemberRow,
): string {
  const t = membersMessage.for(ctx.locale);
  const params = { name: member.name, email: member.email, organisation: organisation.displayName };
  return renderPage(ctx, {
    title: t('remove.title', params),
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${organisation.code}`, label: organisation.displayName },
      { href: `/o/${organisation.code}/members`, label: t('title', params) },
    ],
    main: html`<h1 class="utrecht-heading-1">${t('remove.title', params)}</h1>
      <p class="utrecht-paragraph">${t('remove.body', params)}</p>
      <form method="post" action="/o/${organisation.code}/members/${member.userId}/remove">
        ${csrfField(ctx.csrfToken)}
        <div class="rk-actions">
          <button type="submit" class="utrecht-button utrecht-button--primary-action utrecht-button--danger">
            ${t('remove.confirm')}
          </button>
          <a class="utrecht-link" href="/o/${organisation.code}/members">${t('remove.cancel')}</a>
        </div>
      </form>`,
  });
}
