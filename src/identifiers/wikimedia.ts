/**
 * The two questions `npm run glossary:ids` asks Wikimedia: which Wikidata
 * item an article links (its `wikibase_item` page property, redirects
 * followed), and which items carry a name (`wbsearchentities`). The network
 * is whatever `fetch` the caller passes, so that tests answer from recorded
 * responses; a request that fails comes back as `unreachable`, never thrown.
 */
import { mediaWikiApiUrl, wikidataApiUrl } from '../routes.ts';

/** The part of the global fetch used here: a GET with headers. */
export type Fetch = (url: string, init: { headers: Record<string, string> }) => Promise<Response>;

/** Why a question got no answer: no network, or the server refused. */
export interface Unreachable {
  kind: 'unreachable';
  /** Such as `cannot reach en.wikipedia.org (getaddrinfo ENOTFOUND en.wikipedia.org)`. */
  reason: string;
}

export type ArticleItem =
  /** The article's own Wikidata link; `title` is the article it names after redirects and normalisation. */
  | { kind: 'item'; item: string; title: string; redirectedFrom?: string }
  | { kind: 'no-item'; title: string }
  | { kind: 'missing'; title: string }
  | { kind: 'not-an-article'; reason: string }
  | Unreachable;

export interface Candidate {
  item: string;
  label: string;
  description?: string;
}

export type CandidateSearch = { kind: 'candidates'; candidates: Candidate[] } | Unreachable;

/**
 * The User-Agent Wikimedia's policy asks of API clients: `<client>/<version> (<contact>) <library>/<version>`,
 * so that its operators can tell the tool apart and reach whoever runs it.
 */
export function userAgent(version: string, contact: string, runtime: string): string {
  return `annotated-source-corpus-glossary-ids/${version} (${contact}) ${runtime}`;
}

/** The wiki and title of a Wikipedia article URL such as https://en.wikipedia.org/wiki/State_Police_(Albania). */
export function articleOf(url: string): { api: string; title: string } | { reason: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { reason: `"${url}" is not a URL` };
  }
  const path = /^\/wiki\/(.+)$/u.exec(parsed.pathname);
  if (!parsed.hostname.endsWith('.wikipedia.org') || !path?.[1]) {
    return { reason: `${url} is not a Wikipedia article address (https://<language>.wikipedia.org/wiki/<title>)` };
  }
  let title: string;
  try {
    title = decodeURIComponent(path[1]).replaceAll('_', ' ');
  } catch {
    return { reason: `${url} has a malformed escape (a % not followed by two hexadecimal digits): copy the address again from the article` };
  }
  return { api: mediaWikiApiUrl(parsed), title };
}

/** The Wikidata item an article links, asked of the article's own wiki. */
export async function itemOfArticle(url: string, fetch: Fetch, agent: string): Promise<ArticleItem> {
  const article = articleOf(url);
  if ('reason' in article) return { kind: 'not-an-article', reason: article.reason };
  const query = new URLSearchParams({
    action: 'query',
    prop: 'pageprops',
    ppprop: 'wikibase_item',
    redirects: '1',
    titles: article.title,
    format: 'json',
    formatversion: '2',
  });
  const answer = await getJson(`${article.api}?${query}`, fetch, agent);
  if ('kind' in answer) return answer;
  const body = answer.json as PagepropsResponse;
  const page = body.query?.pages?.[0];
  if (!page) return unexpected(article.api, body);
  if (page.missing || page.invalid) return { kind: 'missing', title: page.title ?? article.title };
  const item = page.pageprops?.wikibase_item;
  if (!item) return { kind: 'no-item', title: page.title ?? article.title };
  const redirect = body.query?.redirects?.[0];
  return { kind: 'item', item, title: page.title ?? article.title, ...(redirect ? { redirectedFrom: redirect.from } : {}) };
}

/** Items whose label or alias matches `name`, best first, as Wikidata's search box finds them. */
export async function searchItems(name: string, fetch: Fetch, agent: string, limit = 5): Promise<CandidateSearch> {
  const query = new URLSearchParams({ action: 'wbsearchentities', search: name, language: 'en', type: 'item', limit: String(limit), format: 'json' });
  const answer = await getJson(`${wikidataApiUrl}?${query}`, fetch, agent);
  if ('kind' in answer) return answer;
  const body = answer.json as SearchResponse;
  if (!Array.isArray(body.search)) return unexpected(wikidataApiUrl, body);
  return {
    kind: 'candidates',
    candidates: body.search.map((hit) => ({ item: hit.id, label: hit.label ?? hit.id, ...(hit.description ? { description: hit.description } : {}) })),
  };
}

/** The documented parts of `action=query&prop=pageprops` with `formatversion=2`. */
interface PagepropsResponse {
  query?: {
    redirects?: { from: string; to: string }[];
    pages?: { title?: string; missing?: boolean; invalid?: boolean; pageprops?: { wikibase_item?: string } }[];
  };
}

/** The documented parts of `action=wbsearchentities`. */
interface SearchResponse {
  search?: { id: string; label?: string; description?: string }[];
}

async function getJson(url: string, fetch: Fetch, agent: string): Promise<{ json: unknown } | Unreachable> {
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, { headers: { 'User-Agent': agent, Accept: 'application/json' } });
  } catch (error) {
    // Node's fetch says only "fetch failed"; the cause names the failure (ENOTFOUND, ECONNREFUSED…).
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    return { kind: 'unreachable', reason: `cannot reach ${host} (${cause ?? (error as Error).message})` };
  }
  if (!response.ok) return { kind: 'unreachable', reason: `${host} answered HTTP ${response.status} ${response.statusText}`.trimEnd() };
  try {
    const json: unknown = await response.json();
    const error = (json as { error?: { code?: string; info?: string } }).error;
    if (error) return { kind: 'unreachable', reason: `${host} refused the request: ${error.info ?? error.code}` };
    return { json };
  } catch (error) {
    return { kind: 'unreachable', reason: `${host} did not answer JSON (${(error as Error).message})` };
  }
}

function unexpected(api: string, body: unknown): Unreachable {
  return { kind: 'unreachable', reason: `${new URL(api).host} answered in an unexpected shape: ${JSON.stringify(body).slice(0, 200)}` };
}
