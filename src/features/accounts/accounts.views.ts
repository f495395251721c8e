import { button, csrfField, alert, problemAlert } from '../../core/render/components.ts';
import { errorSummary, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, type SafeHtml } from '../../core/render/html.ts';
import { narrowPage, type PageContext } from '../../core/render/layout.ts';
import { coreMessage } from '../../core/i18n/core.messages.ts';
import type { Role } from '../../core/auth/auth.tables.ts';
import { accountsMessage } from './accounts.messages.ts';

type Values = Record<string, string>;

export function loginPage(ctx: PageContext, values: Values, errors: FieldErrors, failure?: string): string {
  const t = accountsMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('login.title'),
    html`${problemAlert(failure)} ${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('login.intro')}</p>
      <form method="post" action="/login" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="next" value="${values.next ?? ''}" />
        ${textField({ name: 'email', label: t('login.email'), type: 'email', autocomplete: 'username', value: values.email, error: errors.email, required: true, locale: ctx.locale })}
        ${textField({ name: 'password', label: t('login.password'), type: 'password', autocomplete: 'current-password', error: errors.password, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('login.submit'))}</div>
      </form>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/forgot-password">${t('login.forgot')}</a>
      </p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/login/organisation">${t('login.organisation')}</a>
      </p>
      <p class="utrecht-paragraph">${t('login.noAccount')}</p>`,
  );
}

export function forgotPasswordPage(
  ctx: PageContext,
  values: Values,
  errors: FieldErrors,
  isSent: boolean,
): string {
  const t = accountsMessage.for(ctx.locale);
  if (isSent)
    return narrowPage(
      ctx,
      t('forgot.title'),
      alert('ok', html`<p class="utrecht-paragraph">${t('forgot.sent')}</p>`),
    );
  return narrowPage(
    ctx,
    t('forgot.title'),
    html`${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('forgot.intro')}</p>
      <form method="post" action="/forgot-password" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'email', label: t('login.email'), type: 'email', autocomplete: 'email', value: values.email, error: errors.email, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('forgot.submit'))}</div>
      </form>`,
  );
}

function passwordFields(ctx: PageContext, errors: FieldErrors): SafeHtml {
  const t = accountsMessage.for(ctx.locale);
  return html`${textField({ name: 'password', label: t('password.new'), type: 'password', autocomplete: 'new-password', description: t('password.hint'), error: errors.password, required: true, locale: ctx.locale })}
  ${textField({ name: 'confirmation', label: t('password.confirm'), type: 'password', autocomplete: 'new-password', error: errors.confirmation, required: true, locale: ctx.locale })}`;
}

export function resetPasswordPage(ctx: PageContext, token: string, errors: FieldErrors): string {
  const t = accountsMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('reset.title'),
    html`${errorSummary(ctx.locale, errors)}
      <form method="post" action="/reset-password/${token}" novalidate>
        ${csrfField(ctx.csrfToken)} ${passwordFields(ctx, errors)}
        <div class="rk-actions">${button(t('reset.submit'))}</div>
      </form>`,
  );
}

export function invalidLinkPage(ctx: PageContext): string {
  const t = accountsMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('link.invalid.title'),
    html`<p class="utrecht-paragraph">${t('link.invalid')}</p>
      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/forgot-password">${t('login.forgot')}</a>
      </p>`,
  );
}

export function setupPage(ctx: PageContext, token: string, values: Values, errors: FieldErrors): string {
  const t = accountsMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('setup.title'),
    html`${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('setup.intro')}</p>
      <form method="post" action="/setup/${token}" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'name', label: t('name'), autocomplete: 'name', value: values.name, error: errors.name, required: true, locale: ctx.locale })}
        ${textField({ name: 'email', label: t('login.email'), type: 'email', autocomplete: 'email', value: values.email, error: errors.email, required: true, locale: ctx.locale })}
        ${passwordFields(ctx, errors)}
        <div class="rk-actions">${button(t('setup.submit'))}</div>
      </form>`,
  );
}

export interface InvitationView {
  email: string;
  role: Role;
  organisationName: string;
  inviterName: string;
  hasAccount: boolean;
}

export function invitationPage(
  ctx: PageContext,
  token: string,
  invitation: InvitationView,
  values: Values,
  errors: FieldErrors,
): string {
  const t = accountsMessage.for(ctx.locale);
  const role = coreMessage(ctx.locale, `role.${invitation.role}`).toLowerCase();
  const title = t('invitation.title', { organisation: invitation.organisationName });
  const intro = html`<p class="utrecht-paragraph">
    ${t('invitation.intro', { inviter: invitation.inviterName, role, organisation: invitation.organisationName })}
  </p>`;
  const user = ctx.user;
  let body: SafeHtml;
  if (user && user.email === invitation.email) {
    body = html`<form method="post" action="/invitation/${token}">
      ${csrfField(ctx.csrfToken)}
      <div class="rk-actions">${button(t('invitation.accept'))}</div>
    </form>`;
  } else if (user) {
    body = alert(
      'warning',
      html`<p class="utrecht-paragraph">
        ${t('invitation.wrongUser', { email: invitation.email, current: user.email })}
      </p>`,
    );
  } else if (invitation.hasAccount) {
    body = html`<p class="utrecht-paragraph">${t('invitation.signInFirst', { email: invitation.email })}</p>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="/login?next=${encodeURIComponent(`/invitation/${token}`)}"
          >${coreMessage(ctx.locale, 'layout.signIn')}</a
        >
      </p>`;
  } else {
    body = html`${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('invitation.newAccount')}</p>
      <form method="post" action="/invitation/${token}" novalidate>
        ${csrfField(ctx.csrfToken)}
        <p class="utrecht-paragraph">${t('login.email')}: <strong>${invitation.email}</strong></p>
        ${textField({ name: 'name', label: t('name'), autocomplete: 'name', value: values.name, error: errors.name, required: true, locale: ctx.locale })}
        ${passwordFields(ctx, errors)}
        <div class="rk-actions">${button(t('invitation.accept'))}</div>
      </form>`;
  }
  return narrowPage(ctx, title, html`${intro}${body}`);
}
