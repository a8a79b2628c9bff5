import { plural } from '../site/format.ts';

/**
 * Narrows a list by a few select boxes (`<SelectFilters>`), from the data
 * attributes of each item: an item matches a choice when the attribute named
 * by the select holds the chosen value among its words. Groups left empty
 * (the timeline's years) are hidden too. Without JavaScript the whole list
 * shows and the filters stay hidden.
 */
export function enableSelectFilters(): void {
  for (const form of document.querySelectorAll<HTMLElement>('[data-select-filters]')) {
    const status = form.querySelector<HTMLElement>('.filter-status');
    const { items = '', groups, noun = 'item', scope = '' } = form.dataset;
    if (!status || !items) continue;
    const selects = [...form.querySelectorAll<HTMLSelectElement>('select[data-filter]')];
    form.hidden = false;
    const apply = () => {
      let shown = 0;
      for (const item of document.querySelectorAll<HTMLElement>(items)) {
        const visible = selects.every((select) => select.value === '' || (item.dataset[select.dataset.filter ?? ''] ?? '').split(' ').includes(select.value));
        item.hidden = !visible;
        if (visible) shown += 1;
      }
      if (groups) for (const group of document.querySelectorAll<HTMLElement>(groups)) group.hidden = !group.querySelector(`${items}:not([hidden])`);
      const filtered = selects.some((select) => select.value !== '');
      status.textContent = !filtered ? '' : shown === 0 ? `No ${noun}${scope} matches.` : `${plural(shown, noun)} shown${scope}.`;
    };
    for (const select of selects) select.addEventListener('change', apply);
  }
}
