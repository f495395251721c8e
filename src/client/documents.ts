/**
 * Making a document takes a moment. On submit the button is disabled (after the browser has taken
 * the form's values, so nothing is lost) and the live region says the document is being made; the
 * browser then shows the page that offers the download, or the form again with a message and a
 * retry button. Without this script the request simply completes.
 */
export function enableDocumentExport(form: HTMLFormElement): void {
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"][data-working]');
  const status = form.querySelector<HTMLElement>('[data-export-status]');
  if (!button || !status) return;
  form.addEventListener('submit', (event) => {
    if (form.dataset.busy === 'true') {
      event.preventDefault();
      return;
    }
    form.dataset.busy = 'true';
    status.textContent = button.dataset.working ?? '';
    button.setAttribute('aria-disabled', 'true');
    setTimeout(() => {
      button.disabled = true;
    }, 0);
  });
  // Coming back with the Back button shows the form from the cache: ready again.
  window.addEventListener('pageshow', () => {
    delete form.dataset.busy;
    button.disabled = false;
    button.removeAttribute('aria-disabled');
    status.textContent = '';
  });
}
