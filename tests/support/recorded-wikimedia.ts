import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContentFile } from '../../src/corpus/model.ts';
import type { Fetch } from '../../src/identifiers/wikimedia.ts';

export const fixtures = 'tests/fixtures/glossary-ids';

/** The hand-made response in tests/fixtures/glossary-ids/<name>.json (see the README there). */
export function recorded(name: string): unknown {
  return JSON.parse(readFileSync(join(fixtures, `${name}.json`), 'utf8'));
}

/** Which recorded response answers each article title (pageprops) and each name (wbsearchentities). */
const answers: Record<string, string> = {
  'Tirana example': 'article-with-item',
  'Old name example': 'redirect',
  'No such article example': 'missing-article',
  'Unlinked example': 'article-without-item',
  'Example Person': 'candidates',
};

export interface Request {
  url: URL;
  headers: Record<string, string>;
}

/** A fetch that answers from the recorded responses, 404 for anything else, and keeps every request for the test to read. */
export function recordedFetch(): { fetch: Fetch; requests: Request[] } {
  const requests: Request[] = [];
  const fetch: Fetch = async (url, init) => {
    const parsed = new URL(url);
    requests.push({ url: parsed, headers: init.headers });
    const key = parsed.searchParams.get('titles') ?? parsed.searchParams.get('search') ?? '';
    const name = answers[key];
    return name ? Response.json(recorded(name)) : new Response('not recorded', { status: 404, statusText: 'Not Found' });
  };
  return { fetch, requests };
}

/** A fetch as Node's fails on a machine without network. */
export const offlineFetch: Fetch = async (url) => {
  throw new TypeError('fetch failed', { cause: new Error(`getaddrinfo ENOTFOUND ${new URL(url).host}`) });
};

/** The fixture glossary, as the script reads it. */
export function fixtureGlossary(): ContentFile[] {
  const dir = join(fixtures, 'glossary');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }));
}
