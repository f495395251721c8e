/**
 * On a narrow screen the main navigation folds behind a menu button (a disclosure: aria-expanded).
 * Without this script the button stays hidden and the links wrap, so nothing is ever out of reach.
 */
export function enableNavToggle(button: HTMLButtonElement): void {
  const list = document.getElementById(button.getAttribute('aria-controls') ?? '');
  if (!list) return;
  const narrow = window.matchMedia('(max-width: 40rem)');
  const setOpen = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    list.hidden = !open;
  };
  const fit = () => {
    button.hidden = !narrow.matches;
    if (narrow.matches) setOpen(false);
    else list.hidden = false;
  };
  button.addEventListener('click', () => setOpen(button.getAttribute('aria-expanded') !== 'true'));
  list.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && narrow.matches) {
      setOpen(false);
      button.focus();
    }
  });
  narrow.addEventListener('change', fit);
  fit();
}
