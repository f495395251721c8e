/**
 * The project map names the municipality under the pointer or the keyboard focus: a label beside
 * the region, and its outline drawn on top (neighbours would hide a thicker stroke of its own).
 * Screen readers hear the link's name already, so the label is hidden from them. Without this
 * script the map still works: each region is a named link, and the table lists the same numbers.
 */
export function enableMapLabels(svg: SVGSVGElement): void {
  const frame = svg.parentElement;
  if (!frame) return;
  frame.classList.add('rk-map-frame');
  const label = document.createElement('p');
  label.className = 'rk-map-label';
  label.setAttribute('aria-hidden', 'true');
  label.hidden = true;
  frame.append(label);
  const outline = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  outline.setAttribute('class', 'rk-map-outline');
  outline.setAttribute('pointer-events', 'none');
  outline.setAttribute('visibility', 'hidden');
  svg.append(outline);

  const show = (area: Element) => {
    const path = area.querySelector('path');
    if (!path) return;
    outline.setAttribute('d', path.getAttribute('d') ?? '');
    outline.setAttribute('visibility', 'visible');
    label.replaceChildren(
      Object.assign(document.createElement('strong'), { textContent: area.getAttribute('data-name') ?? '' }),
      document.createTextNode(` ${area.getAttribute('data-count') ?? ''}`),
    );
    label.hidden = false;
    const box = path.getBoundingClientRect();
    const outer = frame.getBoundingClientRect();
    const width = label.offsetWidth;
    const left = Math.min(
      Math.max(box.left + box.width / 2 - outer.left - width / 2, 0),
      outer.width - width,
    );
    const above = box.top - outer.top - label.offsetHeight - 4;
    label.style.left = `${left}px`;
    label.style.top = `${above >= 0 ? above : box.bottom - outer.top + 4}px`;
  };
  const hide = () => {
    label.hidden = true;
    outline.setAttribute('visibility', 'hidden');
  };
  const areaOf = (target: EventTarget | null) =>
    target instanceof Element ? target.closest('.rk-map-area') : null;

  svg.addEventListener('pointerover', (event) => {
    const area = areaOf(event.target);
    if (area) show(area);
  });
  svg.addEventListener('pointerleave', () => {
    const focused = areaOf(document.activeElement);
    if (focused && svg.contains(focused)) show(focused);
    else hide();
  });
  svg.addEventListener('focusin', (event) => {
    const area = areaOf(event.target);
    if (area) show(area);
  });
  svg.addEventListener('focusout', hide);
}
