import type { OrganisationScope } from '../../core/http/context.ts';
import { alert, button, csrfField, table } from '../../core/render/components.ts';
import { html } from '../../core/render/html.ts';
import { renderPage, type PageContext } from '../../core/render/layout.ts';
import { registryFields } from './registries-fields.ts';
import type { ImportError } from './registries-import.ts';
import type { RegistryKind } from './registries.tables.ts';
import { registryCrumbs, registryPath } from './registries-shared.views.ts';
import { registryMessage } from './registries.messages.ts';
import { mediaTypes } from '../../core/http/content-types.ts';

export function importPage(
  ctx: PageContext,
  organisation: OrganisationScope,
  registry: RegistryKind,
  outcome: { errors?: ImportError[]; problem?: string } = {},
): string {
  const t = registryMessage.for(ctx.locale);
  const title = t('import.title', { register: t(`register.${registry}`) });
  const errors = outcome.errors ?? [];
  const fileError = outcome.problem;
  return renderPage(ctx, {
    title,
    nav: 'dashboard',
    breadcrumbs: registryCrumbs(ctx, organisation, registry),
    main: html`<h1 class="utrecht-heading-1">${title}</h1>
      ${
        errors.length > 0
          ? alert('error', html`<p class="utrecht-paragraph">${t.plural('import.failed', errors.length)}</p>`)
          : ''
      }
      <p class="utrecht-paragraph">${t('import.intro')}</p>
      <p class="utrecht-paragraph">
        ${t('import.columns', { columns: registryFields[registry].map((f) => f.key).join(', ') })}
      </p>
      <form
        method="post"
        action="${registryPath(organisation, registry)}/import"
        enctype="multipart/form-data"
        novalidate
      >
        ${csrfField(ctx.csrfToken)}
        <div class="utrecht-form-field${fileError ? ' utrecht-form-field--invalid' : ''}">
          <div class="utrecht-form-field__label">
            <label class="utrecht-form-label" for="field-file">${t('import.file')}</label>
          </div>
          ${fileError ? html`<p class="utrecht-form-field-error-message" id="field-file-error">${fileError}</p>` : ''}
          <div class="utrecht-form-field__input">
            <input
              type="file"
              id="field-file"
              name="file"
              accept=".csv,.xlsx,${mediaTypes.csv},${mediaTypes.xlsx}"
              ${fileError ? html`aria-invalid="true" aria-describedby="field-file-error"` : ''}
            />
          </div>
        </div>
        <div class="rk-actions">${button(t('import.submit'))}</div>
      </form>
      ${
        errors.length > 0
          ? html`${table({
              caption: t('import.reportCaption'),
              columns: [{ label: t('import.line') }, { label: t('import.message') }],
              rows: errors.map((e) => ({
                header: e.line === 0 ? t('import.fileLine') : String(e.line),
                cells: [e.message],
              })),
            })}`
          : ''
      }`,
  });
}
