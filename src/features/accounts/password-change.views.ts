import { button, csrfField, problemAlert } from '../../core/render/components.ts';
import { errorSummary, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html } from '../../core/render/html.ts';
import { narrowPage, type PageContext } from '../../core/render/layout.ts';
import { confirmPasswordPath } from '../../core/http/recent-authentication.ts';
import { accountsMessage } from './accounts.messages.ts';
import { passwordChangeMessage } from './password-change.messages.ts';

/** The password-change form; passwords are never filled in again, whatever went wrong. */
export function passwordChangePage(
  ctx: PageContext,
  state: { errors: FieldErrors; failure?: string | undefined; hasPassword: boolean },
): string {
  const t = passwordChangeMessage.for(ctx.locale);
  const a = accountsMessage.for(ctx.locale);
  if (!state.hasPassword)
    return narrowPage(ctx, t('title'), html`<p class="utrecht-paragraph">${t('noPassword')}</p>`);
  const { errors } = state;
  return narrowPage(
    ctx,
    t('title'),
    html`${problemAlert(state.failure)} ${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('intro')}</p>
      <form method="post" action="/account/password" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${textField({ name: 'current', label: t('current'), type: 'password', autocomplete: 'current-password', error: errors.current, required: true, locale: ctx.locale })}
        ${textField({ name: 'password', label: a('password.new'), type: 'password', autocomplete: 'new-password', description: a('password.hint'), error: errors.password, required: true, locale: ctx.locale })}
        ${textField({ name: 'confirmation', label: a('password.confirm'), type: 'password', autocomplete: 'new-password', error: errors.confirmation, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('submit'))}</div>
      </form>`,
  );
}

/** Asks the password again before a sensitive action, then returns to `next` (the form's page). */
export function confirmPasswordPage(
  ctx: PageContext,
  state: { next: string; errors: FieldErrors; failure?: string | undefined; hasPassword: boolean },
): string {
  const t = passwordChangeMessage.for(ctx.locale);
  const back = html`<p class="utrecht-paragraph">
    <a class="utrecht-link" href="${state.next}">${t('confirm.back')}</a>
  </p>`;
  if (!state.hasPassword) {
    const signIn = `/login/organisation?next=${encodeURIComponent(state.next)}`;
    return narrowPage(
      ctx,
      t('confirm.title'),
      html`<p class="utrecht-paragraph">${t('confirm.noPassword')}</p>
        <p class="utrecht-paragraph">
          <a class="utrecht-link" href="${signIn}">${t('confirm.signInAgain')}</a>
        </p>
        ${back}`,
    );
  }
  return narrowPage(
    ctx,
    t('confirm.title'),
    html`${problemAlert(state.failure)} ${errorSummary(ctx.locale, state.errors)}
      <p class="utrecht-paragraph">${t('confirm.intro')}</p>
      <form method="post" action="${confirmPasswordPath}" novalidate>
        ${csrfField(ctx.csrfToken)}
        <input type="hidden" name="next" value="${state.next}" />
        ${textField({ name: 'password', label: t('confirm.password'), type: 'password', autocomplete: 'current-password', error: state.errors.password, required: true, locale: ctx.locale })}
        <div class="rk-actions">${button(t('confirm.submit'))}</div>
      </form>
      ${back}`,
  );
}
