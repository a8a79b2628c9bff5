import { distance } from 'fastest-levenshtein';
import { searchFilters } from './search-records.ts';
import { foldForMatching } from '../text/normalize.ts';

/** What a search page URL holds: `/search/?q=cuci&type=People`. */
export interface SearchState {
  query: string;
  filters: Record<string, string[]>;
}

const filterNames: readonly string[] = Object.values(searchFilters);

export function readSearchState(params: URLSearchParams): SearchState {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length > 0) filters[name] = values;
  }
  return { query: (params.get('q') ?? '').trim(), filters };
}

export function writeSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  for (const name of filterNames) for (const value of state.filters[name] ?? []) params.append(name, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The words to mark on arrival: quoted phrases and single words, without the quotes. */
export function highlightTerms(query: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]+)"|(\S+)/gu;
  for (const match of query.matchAll(pattern)) {
    const term = (match[1] ?? match[2] ?? '').trim();
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * A result's link, carrying the searched words for the target page to mark:
 * `/documents/x/?highlight=Cuci#p5`. The fragment stays last so the browser
 * still scrolls to the paragraph.
 */
export function arrivalUrl(resultUrl: string, query: string): string {
  const [path = '', fragment] = resultUrl.split('#');
  const params = new URLSearchParams();
  for (const term of highlightTerms(query)) params.append('highlight', term);
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}${fragment ? `#${fragment}` : ''}`;
}

export interface EntryName {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}

/**
 * Glossary entries whose name, an alias, or a word of either is close to the
 * query (diacritics and case ignored), for "no results" pages.
 */
export function suggestEntries(query: string, entries: readonly EntryName[], limit = 5): EntryName[] {
  const folded = foldForMatching(query.replaceAll('"', '').trim());
  if (!folded) return [];
  const tolerance = Math.max(1, Math.floor(folded.length / 3));
  return entries
    .map((entry) => {
      const names = [entry.name, ...entry.aliases].map(foldForMatching);
      const candidates = names.flatMap((name) => [name, ...name.split(/[\s\-–’']+/u)]);
      const score = Math.min(...candidates.map((candidate) => (candidate.startsWith(folded) ? 0 : distance(folded, candidate))));
      return { entry, score };
    })
    .filter(({ score }) => score <= tolerance)
    .sort((a, b) => a.score - b.score || a.entry.name.localeCompare(b.entry.name))
    .slice(0, limit)
    .map(({ entry }) => entry);
}
