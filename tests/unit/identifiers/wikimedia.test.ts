import { describe, expect, it } from 'vitest';
import { articleOf, itemOfArticle, searchItems, userAgent } from '../../../src/identifiers/wikimedia.ts';
import { offlineFetch, recorded, recordedFetch } from '../../support/recorded-wikimedia.ts';

const agent = userAgent('1.2.3', 'mailto:editors@example.org', 'node/24.0.0');

describe('userAgent', () => {
  it('names the tool, its version, a contact and the runtime, in the form Wikimedia asks for', () => {
    expect(agent).toBe('annotated-source-corpus-glossary-ids/1.2.3 (mailto:editors@example.org) node/24.0.0');
  });
});

describe('articleOf', () => {
  it("reads the API address of the article's own wiki and the title, with escapes and underscores undone", () => {
    expect(articleOf('https://sq.wikipedia.org/wiki/Shqip%C3%ABria_example')).toEqual({
      api: 'https://sq.wikipedia.org/w/api.php',
      title: 'Shqipëria example',
    });
  });

  it('refuses an address with a malformed escape, saying so, rather than failing', () => {
    expect(articleOf('https://en.wikipedia.org/wiki/100%_Pure')).toEqual({
      reason:
        'https://en.wikipedia.org/wiki/100%_Pure has a malformed escape (a % not followed by two hexadecimal digits): copy the address again from the article',
    });
  });

  it('refuses an address that is not a Wikipedia article', () => {
    expect(articleOf('https://example.org/wiki/Albania')).toEqual({
      reason: 'https://example.org/wiki/Albania is not a Wikipedia article address (https://<language>.wikipedia.org/wiki/<title>)',
    });
  });
});

describe('itemOfArticle', () => {
  it("asks the article's wiki for its wikibase_item page property, following redirects, with the User-Agent", async () => {
    const { fetch, requests } = recordedFetch();
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/Tirana_example', fetch, agent)).toEqual({ kind: 'item', item: 'Q1001', title: 'Tirana example' });
    expect(requests.map(({ url, headers }) => ({ url: url.href, agent: headers['User-Agent'] }))).toEqual([
      {
        url: 'https://en.wikipedia.org/w/api.php?action=query&prop=pageprops&ppprop=wikibase_item&redirects=1&titles=Tirana+example&format=json&formatversion=2',
        agent,
      },
    ]);
  });

  it('gives the item of the page a redirect leads to, and says where it was redirected from', async () => {
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/Old_name_example', recordedFetch().fetch, agent)).toEqual({
      kind: 'item',
      item: 'Q1002',
      title: 'New name example',
      redirectedFrom: 'Old name example',
    });
  });

  it('says when the article does not exist', async () => {
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/No_such_article_example', recordedFetch().fetch, agent)).toEqual({
      kind: 'missing',
      title: 'No such article example',
    });
  });

  it('says when the article is linked to no item', async () => {
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/Unlinked_example', recordedFetch().fetch, agent)).toEqual({
      kind: 'no-item',
      title: 'Unlinked example',
    });
  });

  it('reports a machine without network as unreachable, naming the host and the cause', async () => {
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/Tirana_example', offlineFetch, agent)).toEqual({
      kind: 'unreachable',
      reason: 'cannot reach en.wikipedia.org (getaddrinfo ENOTFOUND en.wikipedia.org)',
    });
  });

  it('reports an HTTP error as unreachable, with its status', async () => {
    const refusing = async () => new Response('', { status: 429, statusText: 'Too Many Requests' });
    expect(await itemOfArticle('https://en.wikipedia.org/wiki/Tirana_example', refusing, agent)).toEqual({
      kind: 'unreachable',
      reason: 'en.wikipedia.org answered HTTP 429 Too Many Requests',
    });
  });
});

describe('searchItems', () => {
  it("lists the items of a name with label and description, from Wikidata's wbsearchentities", async () => {
    const { fetch, requests } = recordedFetch();
    expect(await searchItems('Example Person', fetch, agent)).toEqual({
      kind: 'candidates',
      candidates: [
        { item: 'Q2001', label: 'Example Person', description: 'Albanian politician (example)' },
        { item: 'Q2002', label: 'Example Person' },
      ],
    });
    expect(requests.map(({ url }) => url.href)).toEqual([
      'https://www.wikidata.org/w/api.php?action=wbsearchentities&search=Example+Person&language=en&type=item&limit=5&format=json',
    ]);
  });

  it('reports an error the API answers as a refusal, with its words', async () => {
    expect(await searchItems('Example Person', async () => Response.json(recorded('api-error')), agent)).toEqual({
      kind: 'unreachable',
      reason: 'www.wikidata.org refused the request: Unrecognized value for parameter "action": wbsearchentitie.',
    });
  });
});
