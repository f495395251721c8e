import { actionButton, alert, button, csrfField, table, problemAlert } from '../../core/render/components.ts';
import { choiceGroup, errorSummary, textField, type FieldErrors } from '../../core/render/form-fields.ts';
import { html, trustedHtml, type SafeHtml } from '../../core/render/html.ts';
import { narrowPage, renderPage, type PageContext } from '../../core/render/layout.ts';
import { secondFactorMessage } from './second-factor.messages.ts';

function codeField(ctx: PageContext, label: string, errors: FieldErrors, hint?: string): SafeHtml {
  return textField({
    name: 'code',
    label,
    autocomplete: 'one-time-code',
    error: errors.code,
    required: true,
    locale: ctx.locale,
    ...(hint ? { description: hint } : {}),
  });
}

/** The code step of signing in, for a user with an active second factor. */
export function secondFactorStepPage(ctx: PageContext, errors: FieldErrors, failure?: string): string {
  const t = secondFactorMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('step.title'),
    html`${problemAlert(failure)} ${errorSummary(ctx.locale, errors)}
      <p class="utrecht-paragraph">${t('step.intro')}</p>
      <form method="post" action="/sign-in/second-factor" novalidate>
        ${csrfField(ctx.csrfToken)} ${codeField(ctx, t('step.code'), errors, t('step.codeHint'))}
        <div class="rk-actions">${button(t('step.submit'))}</div>
      </form>
      <p class="utrecht-paragraph">${t('step.lost')}</p>`,
  );
}

export interface EnrolmentView {
  /** The QR code as SVG markup, drawn on the server by the qrcode library. */
  qrSvg: string;
  secret: string;
  action: string;
  isRequired: boolean;
}

/** Linking an authenticator app: the QR code, the key to type, and a first code to confirm. */
export function enrolmentPage(
  ctx: PageContext,
  view: EnrolmentView,
  errors: FieldErrors,
  failure?: string,
): string {
  const t = secondFactorMessage.for(ctx.locale);
  const groups = view.secret.match(/.{1,4}/g) ?? [];
  return narrowPage(
    ctx,
    t('enrol.title'),
    html`${problemAlert(failure)} ${errorSummary(ctx.locale, errors)}
      ${view.isRequired ? html`<p class="utrecht-paragraph">${t('enrol.required')}</p>` : ''}
      <p class="utrecht-paragraph">${t('enrol.intro')}</p>
      <p class="utrecht-paragraph">${t('enrol.scan')}</p>
      <div class="rk-qr" role="img" aria-label="${t('enrol.qrLabel')}">${trustedHtml(view.qrSvg)}</div>
      <p class="utrecht-paragraph">${t('enrol.manual')}</p>
      <p class="utrecht-paragraph">
        <code class="rk-totp-secret" data-secret="${view.secret}">${groups.join(' ')}</code>
      </p>
      <form method="post" action="${view.action}" novalidate>
        ${csrfField(ctx.csrfToken)} ${codeField(ctx, t('enrol.confirm'), errors)}
        <div class="rk-actions">${button(t('enrol.submit'))}</div>
      </form>`,
  );
}

/** The ten recovery codes, shown once right after enrolment. */
export function recoveryCodesPage(ctx: PageContext, codes: string[], next: string): string {
  const t = secondFactorMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('codes.title'),
    html`${alert('ok', html`<p class="utrecht-paragraph">${t('codes.intro')}</p>`)}
      <ul class="utrecht-unordered-list rk-recovery-codes" aria-label="${t('codes.caption')}">
        ${codes.map((c) => html`<li class="utrecht-unordered-list__item"><code>${c}</code></li>`)}
      </ul>
      <p class="utrecht-paragraph">
        <a
          class="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--primary-action"
          href="${next}"
          >${t('codes.continue')}</a
        >
      </p>`,
  );
}

/** A signed-in user's own page: the status, or the enrolment when it is off. */
export function accountSecondFactorPage(ctx: PageContext, unusedCodes: number): string {
  const t = secondFactorMessage.for(ctx.locale);
  return narrowPage(
    ctx,
    t('account.title'),
    html`<p class="utrecht-paragraph">${t('account.active', { count: unusedCodes })}</p>`,
  );
}

export interface MemberFactor {
  userId: number;
  name: string;
  email: string;
  isActive: boolean;
}

/** The organisation administrator's overview: the policy, and each colleague with a reset button. */
export function organisationSecondFactorPage(
  ctx: PageContext,
  view: {
    organisation: { code: string; displayName: string };
    requireSecondFactor: boolean;
    members: MemberFactor[];
    notice: string | undefined;
  },
): string {
  const t = secondFactorMessage.for(ctx.locale);
  const base = `/o/${view.organisation.code}/members`;
  const organisation = view.organisation.displayName;
  return renderPage(ctx, {
    title: t('admin.title', { organisation }),
    nav: 'dashboard',
    breadcrumbs: [
      { href: `/o/${view.organisation.code}`, label: organisation },
      { href: base, label: t('admin.back') },
    ],
    main: html`<h1 class="utrecht-heading-1">${t('admin.title', { organisation })}</h1>
      ${view.notice ? alert('ok', html`<p class="utrecht-paragraph">${view.notice}</p>`) : ''}
      <p class="utrecht-paragraph">${t('admin.intro')}</p>
      <form method="post" action="${base}/second-factor" novalidate>
        ${csrfField(ctx.csrfToken)}
        ${choiceGroup({
          name: 'require',
          type: 'checkbox',
          label: t('admin.policy', { organisation }),
          description: t('admin.policyHint'),
          choices: [{ value: 'yes', label: t('admin.policy', { organisation }) }],
          chosen: view.requireSecondFactor ? ['yes'] : [],
          locale: ctx.locale,
        })}
        <div class="rk-actions">${button(t('admin.policySave'), 'secondary')}</div>
      </form>
      <h2 class="utrecht-heading-2">${t('admin.members')}</h2>
      ${table({
        caption: t('admin.members'),
        columns: [{ label: t('admin.name') }, { label: t('admin.status') }, { label: t('admin.reset') }],
        rows: view.members.map((m) => ({
          header: html`${m.name}<br /><span class="rk-muted">${m.email}</span>`,
          cells: [
            m.isActive ? t('admin.on') : t('admin.off'),
            m.isActive
              ? actionButton({
                  action: `${base}/${m.userId}/second-factor/reset`,
                  label: t('admin.reset'),
                  ariaLabel: t('admin.resetLabel', { name: m.name }),
                  csrfToken: ctx.csrfToken,
                })
              : '',
          ],
        })),
      })}`,
  });
}
