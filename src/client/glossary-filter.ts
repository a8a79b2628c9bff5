import { foldForMatching } from '../text/normalize.ts';
import { plural } from '../site/format.ts';

/** Filters the glossary index as the reader types; without JavaScript the full list shows and the form stays hidden. */
export function enableGlossaryFilter(): void {
  const form = document.querySelector<HTMLElement>('.glossary-filter');
  const input = document.querySelector<HTMLInputElement>('#glossary-filter-text');
  const select = document.querySelector<HTMLSelectElement>('#glossary-filter-type');
  const status = form?.querySelector<HTMLElement>('.filter-status');
  const clear = form?.querySelector<HTMLButtonElement>('.filter-clear');
  if (!form || !input || !select || !status || !clear) return;
  form.hidden = false;

  const apply = () => {
    const words = foldForMatching(input.value).split(/\s+/u).filter(Boolean);
    let shown = 0;
    for (const group of document.querySelectorAll<HTMLElement>('.entry-group')) {
      let inGroup = 0;
      const typeMatches = select.value === '' || group.dataset.type === select.value;
      for (const card of group.querySelectorAll<HTMLElement>('[data-filter-text]')) {
        const visible = typeMatches && words.every((word) => card.dataset.filterText?.includes(word));
        card.hidden = !visible;
        if (visible) inGroup += 1;
      }
      group.hidden = inGroup === 0;
      const count = group.querySelector('.entry-count');
      if (count) count.textContent = String(inGroup);
      shown += inGroup;
    }
    status.textContent = shown === 0 ? 'No entry matches.' : `${plural(shown, 'entry', 'entries')} shown.`;
  };
  input.addEventListener('input', apply);
  select.addEventListener('change', apply);
  clear.addEventListener('click', () => {
    input.value = '';
    select.value = '';
    apply();
    input.focus();
  });
}
