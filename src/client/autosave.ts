/**
 * Save-as-you-go for the scan: when a question's answer changes, post that question alone. The
 * form's own Save button keeps working, with or without this script.
 */
const csrfToken = () => document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';

function fieldValue(section: Element, name: string): string {
  const checked = section.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  if (checked) return checked.value;
  const field = section.querySelector<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(
    `[name="${name}"]:not([type="radio"])`,
  );
  return field?.value ?? '';
}

async function saveQuestion(form: HTMLFormElement, section: HTMLElement): Promise<void> {
  const questionId = section.dataset.question ?? '';
  const status = section.querySelector<HTMLElement>('.rk-save-status');
  const prefix = `q.${questionId}.`;
  const body = {
    questionId,
    response: fieldValue(section, `${prefix}response`),
    target: fieldValue(section, `${prefix}target`),
    note: fieldValue(section, `${prefix}note`),
    evidence: fieldValue(section, `${prefix}evidence`),
  };
  if (body.response === '') return;
  try {
    const response = await fetch(form.dataset.autosave ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
    const result: unknown = response.status === 204 ? {} : await response.json();
    const message =
      typeof result === 'object' && result !== null && 'message' in result ? String(result.message) : '';
    if (status) status.textContent = response.ok ? (form.dataset.saved ?? '') : message;
    section.classList.toggle('rk-question--invalid', !response.ok);
  } catch {
    // Offline or server gone: the explicit Save button still sends everything.
    if (status) status.textContent = '';
  }
}

export function enableAutosave(form: HTMLFormElement): void {
  const timers = new Map<HTMLElement, number>();
  const schedule = (section: HTMLElement, delay: number) => {
    window.clearTimeout(timers.get(section));
    timers.set(
      section,
      window.setTimeout(() => void saveQuestion(form, section), delay),
    );
  };
  form.addEventListener('change', (event) => {
    const section = (event.target as Element | null)?.closest<HTMLElement>('[data-question]');
    if (section) schedule(section, 0);
  });
  form.addEventListener('input', (event) => {
    const section = (event.target as Element | null)?.closest<HTMLElement>('[data-question]');
    if (section && event.target instanceof HTMLTextAreaElement) schedule(section, 800);
  });
}
