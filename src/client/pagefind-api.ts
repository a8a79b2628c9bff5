import { pagefindScriptPath } from '../routes.ts';
import { href } from './links.ts';

/** The parts of Pagefind's browser API (`/pagefind/pagefind.js`) the site uses. */
export interface PagefindSubResult {
  url: string;
  title: string;
  excerpt: string;
  anchor?: { id?: string };
}

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  sub_results: PagefindSubResult[];
}

export interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

/**
 * Pagefind loads the index of a filter (a file per filter) only when a search
 * names it; `none: []` names it without excluding anything.
 */
export interface SearchOptions {
  filters?: Record<string, { any: string[] } | { none: string[] }>;
}

export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  /** Adds another index (a bundle folder's href) to every search, with its own options. */
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: SearchOptions) => Promise<PagefindSearch>;
  debouncedSearch: (term: string | null, options?: SearchOptions, timeout?: number) => Promise<PagefindSearch | null>;
}

/** Loads Pagefind from the built site; it does not exist under `astro dev`. */
export async function loadPagefind(): Promise<Pagefind> {
  const url = href(pagefindScriptPath);
  return (await import(/* @vite-ignore */ url)) as Pagefind;
}
