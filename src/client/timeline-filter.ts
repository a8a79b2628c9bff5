import { plural } from '../site/format.ts';

/**
 * Narrows a page of the timeline by kind of item and by document, from the
 * data attributes of each item, and hides the years left empty; without
 * JavaScript the whole page shows and the filters stay hidden.
 */
export function enableTimelineFilter(): void {
  const form = document.querySelector<HTMLElement>('.timeline-filter');
  const status = form?.querySelector<HTMLElement>('.filter-status');
  if (!form || !status) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  form.hidden = false;
  const apply = () => {
    let shown = 0;
    for (const year of document.querySelectorAll<HTMLElement>('.timeline-year')) {
      let inYear = 0;
      for (const item of year.querySelectorAll<HTMLElement>('.timeline-item')) {
        const visible = selects.every((select) => select.value === '' || (item.dataset[select.dataset.filter ?? ''] ?? '').split(' ').includes(select.value));
        item.hidden = !visible;
        if (visible) inYear += 1;
      }
      year.hidden = inYear === 0;
      shown += inYear;
    }
    const filtered = selects.some((select) => select.value !== '');
    status.textContent = !filtered ? '' : shown === 0 ? 'No item on this page matches.' : `${plural(shown, 'item')} shown on this page.`;
  };
  for (const select of selects) select.addEventListener('change', apply);
}
