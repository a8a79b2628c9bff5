import { plural } from '../site/format.ts';

/**
 * Narrows the claims index by claimant, status, entry concerned and document,
 * from the data attributes of each item; without JavaScript the full list
 * shows and the filters stay hidden.
 */
export function enableClaimsFilter(): void {
  const form = document.querySelector<HTMLElement>('.claims-filter');
  const status = form?.querySelector<HTMLElement>('.filter-status');
  if (!form || !status) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
  form.hidden = false;
  const apply = () => {
    let shown = 0;
    for (const item of document.querySelectorAll<HTMLElement>('.claims-index > li')) {
      // Single-valued attributes (claimant, status) and lists (about, documents) both match on one of their words.
      const visible = selects.every((select) => select.value === '' || (item.dataset[select.dataset.filter ?? ''] ?? '').split(' ').includes(select.value));
      item.hidden = !visible;
      if (visible) shown += 1;
    }
    status.textContent = shown === 0 ? 'No claim matches.' : `${plural(shown, 'claim')} shown.`;
  };
  for (const select of selects) select.addEventListener('change', apply);
}
