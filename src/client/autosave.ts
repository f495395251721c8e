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

function answerOf(section: HTMLElement) {
  const questionId = section.dataset.question ?? '';
  const prefix = `q.${questionId}.`;
  return {
    questionId,
    response: fieldValue(section, `${prefix}response`),
    target: fieldValue(section, `${prefix}target`),
    note: fieldValue(section, `${prefix}note`),
    evidence: fieldValue(section, `${prefix}evidence`),
  };
}

/** Posts the answer as it is now; returns the message to show, or undefined when saved. */
async function post(url: string, body: ReturnType<typeof answerOf>): Promise<string | undefined> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (response.ok) return undefined;
  const result: unknown = await response.json().catch(() => ({}));
  return typeof result === 'object' && result !== null && 'message' in result ? String(result.message) : '';
}

export function enableAutosave(form: HTMLFormElement): void {
  const url = form.dataset.autosave ?? '';
  const saved = form.dataset.saved ?? '';
  const failed = form.dataset.failed ?? '';
  const timers = new Map<HTMLElement, number>();
  /** One request per question at a time, so that the last change is the one that stays. */
  const queues = new Map<HTMLElement, Promise<void>>();

  const save = (section: HTMLElement) => {
    const status = section.querySelector<HTMLElement>('.rk-save-status');
    const previous = queues.get(section) ?? Promise.resolve();
    const next = previous.then(async () => {
      const body = answerOf(section);
      if (body.response === '') return;
      try {
        const problem = await post(url, body);
        if (queues.get(section) !== next) return; // a newer change is on its way
        if (status) status.textContent = problem === undefined ? saved : problem || failed;
        section.classList.toggle('rk-question--invalid', problem !== undefined);
      } catch {
        if (status && queues.get(section) === next) status.textContent = failed;
      }
    });
    queues.set(section, next);
  };

  const schedule = (event: Event, delay: number) => {
    const section = (event.target as Element | null)?.closest<HTMLElement>('[data-question]');
    if (!section) return;
    const status = section.querySelector<HTMLElement>('.rk-save-status');
    if (status) status.textContent = '';
    window.clearTimeout(timers.get(section));
    timers.set(
      section,
      window.setTimeout(() => save(section), delay),
    );
  };
  form.addEventListener('change', (event) => schedule(event, 0));
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLTextAreaElement) schedule(event, 800);
  });
}
