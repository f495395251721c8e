// Small enhancements only: every page works without this script.
import { enableAutosave } from './autosave.ts';
import { enableDocumentExport } from './documents.ts';
import { enableMapLabels } from './map.ts';
import { enableNavToggle } from './nav.ts';

// After a failed submit, move focus to the error summary so that screen-reader users hear it first.
document.getElementById('error-summary')?.focus();

// Print buttons are hidden without JavaScript, since they need it.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-autosave]')) enableAutosave(form);
for (const form of document.querySelectorAll<HTMLFormElement>('form[data-document-export]'))
  enableDocumentExport(form);

const navToggle = document.querySelector<HTMLButtonElement>('button.rk-nav-toggle');
if (navToggle) enableNavToggle(navToggle);

for (const map of document.querySelectorAll<SVGSVGElement>('svg.rk-map')) enableMapLabels(map);
