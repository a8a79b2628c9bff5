import { entryNamesPath, entryPath, glossaryIndexPath, isClaimPath, isDocumentPath } from '../routes.ts';
import { plural } from '../site/format.ts';
import { href, routeOf } from './links.ts';
import { searchFilters, searchKinds, typesOfParagraphTitle } from '../site/search-records.ts';
import { arrivalUrl, readSearchState, suggestEntries, writeSearchState, type EntryName, type SearchState } from '../site/search-state.ts';
import { loadPagefind, type FilterCounts, type Pagefind, type PagefindResultData, type PagefindSearch } from './pagefind-api.ts';

const pageSize = 20;
/**
 * The filters offered as checkboxes: each has a few values whatever the size
 * of the corpus. The document filter has one value per document, so the
 * reader chooses a document by typing its title instead.
 */
const filterLabels: Record<string, string> = {
  [searchFilters.kind]: 'Kind',
  [searchFilters.outlet]: 'Outlet',
  [searchFilters.type]: 'Mentions',
};
const checkboxFilters = Object.keys(filterLabels);
const documentSuggestionCount = 8;

type PagefindFilters = Record<string, { any: string[] } | { none: string[] }>;

/**
 * The search page: results update as the reader types, the URL keeps the
 * query and filters so a search can be shared, and results are announced
 * through a status line. Without JavaScript the page says search needs it.
 *
 * What loads, and when: Pagefind when there is something to search; a
 * filter's index (a file per filter) only once the reader opens the filters
 * or the URL asks for one, so that neither page load nor a first search
 * fetches a file per document. A corpus of more than 4,000 documents has its
 * index in parts (src/site/search-indexes.ts), which load side by side, each
 * costing a search a few requests more.
 */
export async function enableSearchPage(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const input = document.querySelector<HTMLInputElement>('#search-input');
  const panel = document.querySelector<HTMLDetailsElement>('#search-filters-panel');
  const filtersBox = document.querySelector<HTMLElement>('#search-filters');
  const documentInput = document.querySelector<HTMLInputElement>('#search-document');
  const documentTitles = document.querySelector<HTMLDataListElement>('#search-document-titles');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  const more = document.querySelector<HTMLButtonElement>('#search-more');
  const suggestions = document.querySelector<HTMLElement>('#search-suggestions');
  if (!form || !input || !panel || !filtersBox || !documentInput || !documentTitles || !status || !list || !more || !suggestions) return;
  document.querySelector('.search-needs-js')?.setAttribute('hidden', '');
  form.hidden = false;

  let state: SearchState = readSearchState(new URLSearchParams(location.search));
  input.value = state.query;
  documentInput.value = state.filters[searchFilters.document]?.[0] ?? '';
  panel.open = Object.keys(state.filters).length > 0;
  let pending: (() => Promise<ResultItem[]>) | null = null;
  let entryNames: Promise<EntryName[]> | null = null;
  let loading: Promise<Pagefind> | null = null;
  const engine = () =>
    (loading ??= (async () => {
      const pagefind = await loadPagefind();
      // A document is one long Pagefind page; without this, glossary entries that merely mention a name would outrank the sources.
      const options = { excerptLength: 32, ranking: { pageLength: 0.1 } };
      await pagefind.options(options);
      await pagefind.init();
      // The first part is the one loaded above; a large corpus has more (src/site/search-indexes.ts).
      const [, ...otherParts] = JSON.parse(form.dataset.searchIndexes ?? '[]') as string[];
      await Promise.all(otherParts.map((path) => pagefind.mergeIndex(href(path), options)));
      return pagefind;
    })());

  /**
   * The filters Pagefind applies: the chosen values, and, while the filters
   * are open, `none: []` for the other checkbox filters, which excludes
   * nothing but loads their index so that their counts can be shown.
   */
  const pagefindFilters = (): PagefindFilters => {
    const filters: PagefindFilters = Object.fromEntries(Object.entries(state.filters).map(([name, values]) => [name, { any: values }]));
    if (panel.open) for (const name of checkboxFilters) filters[name] ??= { none: [] };
    return filters;
  };

  const run = async () => {
    history.replaceState(null, '', `${location.pathname}${writeSearchState(state)}`);
    const query = state.query;
    const hasFilters = Object.keys(state.filters).length > 0;
    if (!query && !hasFilters) {
      list.replaceChildren();
      suggestions.replaceChildren();
      more.hidden = true;
      status.textContent = 'Type to search the documents and the glossary.';
      if (panel.open) await showFilters(await (await engine()).search(null, { filters: pagefindFilters() }));
      return;
    }
    const pagefind = await engine();
    list.setAttribute('aria-busy', 'true');
    const search = await pagefind.debouncedSearch(query || null, { filters: pagefindFilters() }, 120);
    if (!search) return;
    await showFilters(search);
    let offset = 0;
    pending = async () => {
      const pages = await Promise.all(search.results.slice(offset, offset + pageSize).map((result) => result.data()));
      offset += pageSize;
      more.hidden = offset >= search.results.length;
      return pages.flatMap((data) => resultItems(data, state.filters[searchFilters.type] ?? []));
    };
    const shown = await pending();
    list.replaceChildren(...shown.map((item) => resultElement(item, query)));
    list.removeAttribute('aria-busy');
    const count = shown.length;
    const described = query ? ` for “${query}”` : '';
    status.textContent = count === 0 ? `No results${described}.` : `${plural(count, 'result')}${more.hidden ? '' : ' so far'}${described}.`;
    suggestions.replaceChildren();
    if (count === 0 && query) {
      entryNames ??= fetch(href(entryNamesPath)).then((response) => response.json() as Promise<EntryName[]>);
      renderSuggestions(suggestions, suggestEntries(query, await entryNames));
    }
  };

  /** The checkboxes, once, with every value of each filter; then their counts for each search. */
  const showFilters = async (search: PagefindSearch) => {
    if (!panel.open) return;
    if (!filtersBox.hasChildNodes()) {
      // A search for no words and no values matches every page: its counts list every value, not only those the query finds.
      const everything = await (await engine()).search(null, { filters: pagefindFilters() });
      renderFilters(filtersBox, everything.filters, state);
    }
    updateCounts(filtersBox, search.filters);
  };

  /** Titles of documents whose text matches what the reader typed, fetched only as they type. */
  const suggestDocuments = async () => {
    const typed = documentInput.value.trim();
    if (!typed) return;
    const pagefind = await engine();
    const found = await pagefind.debouncedSearch(typed, { filters: { [searchFilters.kind]: { any: [searchKinds.paragraph] } } }, 200);
    if (!found || documentInput.value.trim() !== typed) return;
    const pages = await Promise.all(found.results.slice(0, documentSuggestionCount).map((result) => result.data()));
    documentTitles.replaceChildren(
      ...pages.map((data) => {
        const option = document.createElement('option');
        option.value = data.meta.title ?? data.url;
        return option;
      }),
    );
  };

  input.addEventListener('focus', () => void engine(), { once: true });
  input.addEventListener('input', () => {
    state = { ...state, query: input.value.trim() };
    void run();
  });
  panel.addEventListener('toggle', () => void run());
  filtersBox.addEventListener('change', () => {
    state = { ...state, filters: { ...withoutCheckboxFilters(state.filters), ...checkedFilters(filtersBox) } };
    void run();
  });
  documentInput.addEventListener('input', () => void suggestDocuments());
  documentInput.addEventListener('change', () => {
    const title = documentInput.value.trim();
    const { [searchFilters.document]: _previous, ...others } = state.filters;
    state = { ...state, filters: title ? { ...others, [searchFilters.document]: [title] } : others };
    void run();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  more.addEventListener('click', async () => {
    if (!pending) return;
    const page = await pending();
    const items = page.map((item) => resultElement(item, state.query));
    list.append(...items);
    items[0]?.querySelector('a')?.focus();
  });
  state = { ...state, query: input.value.trim() };
  await run();
}

function renderFilters(box: HTMLElement, all: FilterCounts, state: SearchState): void {
  const groups = checkboxFilters.filter((name) => Object.keys(all[name] ?? {}).length > 0);
  box.replaceChildren(
    ...groups.map((name) => {
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = filterLabels[name] ?? name;
      fieldset.append(legend);
      for (const value of Object.keys(all[name] ?? {}).sort()) {
        const label = document.createElement('label');
        const checkbox = document.createElement('input');
        checkbox.type = 'checkbox';
        checkbox.name = name;
        checkbox.value = value;
        checkbox.checked = state.filters[name]?.includes(value) ?? false;
        const text = document.createElement('span');
        text.textContent = value;
        const count = document.createElement('span');
        count.className = 'filter-count';
        count.dataset.filter = name;
        count.dataset.value = value;
        label.append(checkbox, ' ', text, ' ', count);
        fieldset.append(label);
      }
      return fieldset;
    }),
  );
}

function updateCounts(box: HTMLElement, counts: FilterCounts): void {
  for (const count of box.querySelectorAll<HTMLElement>('.filter-count')) {
    count.textContent = `(${counts[count.dataset.filter ?? '']?.[count.dataset.value ?? ''] ?? 0})`;
  }
}

function checkedFilters(box: HTMLElement): Record<string, string[]> {
  const filters: Record<string, string[]> = {};
  for (const checkbox of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')) {
    (filters[checkbox.name] ??= []).push(checkbox.value);
  }
  return filters;
}

function withoutCheckboxFilters(filters: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(filters).filter(([name]) => !checkboxFilters.includes(name)));
}

/** One result as the reader sees it: a paragraph of a document, or a glossary entry. */
interface ResultItem {
  url: string;
  title: string;
  paragraph?: string;
  context: string;
  excerpt: string;
}

/**
 * A document is one Pagefind page whose paragraphs are its sub-results: each
 * matching paragraph becomes a result of its own, with its permanent anchor.
 */
function resultItems(data: PagefindResultData, types: readonly string[]): ResultItem[] {
  const title = data.meta.title ?? data.url;
  // Pagefind's URLs are hrefs, under the base path the site is served from.
  if (isClaimPath(routeOf(data.url))) {
    return [{ url: data.url, title, context: `Claim · ${data.meta.claimant ?? ''} · ${data.meta.status ?? ''}`, excerpt: data.excerpt }];
  }
  if (!isDocumentPath(routeOf(data.url))) {
    return [{ url: data.url, title, context: `Glossary · ${data.meta.entryType ?? 'entry'}`, excerpt: data.excerpt }];
  }
  const context = [data.meta.outlet, data.meta.published].filter(Boolean).join(' · ');
  // Pagefind filters whole documents; a chosen entity type narrows them to the paragraphs that mention one.
  const paragraphs = data.sub_results
    .filter((result) => /^p\d+$/u.test(result.anchor?.id ?? ''))
    .filter((result) => types.length === 0 || typesOfParagraphTitle(result.title).some((type) => types.includes(type)));
  if (paragraphs.length === 0) return types.length === 0 ? [{ url: data.url, title, context, excerpt: data.excerpt }] : [];
  return paragraphs.map((result) => ({ url: result.url, title, paragraph: result.anchor?.id?.slice(1), context, excerpt: result.excerpt }));
}

function resultElement(item: ResultItem, query: string): HTMLLIElement {
  const element = document.createElement('li');
  element.className = 'search-result';
  const link = document.createElement('a');
  link.href = arrivalUrl(item.url, query);
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = item.title;
  link.append(title);
  if (item.paragraph) {
    const paragraph = document.createElement('span');
    paragraph.className = 'result-paragraph';
    paragraph.textContent = ` ¶ ${item.paragraph}`;
    link.append(paragraph);
  }
  const context = document.createElement('p');
  context.className = 'result-context meta';
  context.textContent = item.context;
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.append(safeExcerpt(item.excerpt));
  element.append(link, context, excerpt);
  return element;
}

/**
 * Rebuilds Pagefind's excerpt from text and <mark> only, so that nothing in a
 * source or a query can become markup on this page.
 */
export function safeExcerpt(html: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = html;
  const fragment = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node instanceof HTMLElement && node.tagName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      fragment.append(mark);
    } else {
      fragment.append(node.textContent ?? '');
    }
  }
  return fragment;
}

function renderSuggestions(box: HTMLElement, entries: EntryName[]): void {
  const paragraph = document.createElement('p');
  if (entries.length === 0) {
    paragraph.append('Try other words, or ');
    const link = document.createElement('a');
    link.href = href(glossaryIndexPath);
    link.textContent = 'browse the glossary';
    paragraph.append(link, '.');
    box.replaceChildren(paragraph);
    return;
  }
  paragraph.textContent = 'Glossary entries with a similar name:';
  const list = document.createElement('ul');
  for (const entry of entries) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = href(entryPath(entry.id));
    link.textContent = entry.name;
    item.append(link, ` (${entry.type.toLowerCase()})`);
    list.append(item);
  }
  box.replaceChildren(paragraph, list);
}
