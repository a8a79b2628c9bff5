import { describe, expect, it } from 'vitest';
import { confirmIdentifiers, describeFinding, findIdentifiers, type Finding } from '../../../src/identifiers/plan.ts';
import { fixtureGlossary, fixtures, offlineFetch, recorded, recordedFetch } from '../../support/recorded-wikimedia.ts';

const agent = 'test-agent/1 (test) node/0';
const glossary = fixtureGlossary();
const path = (id: string) => `${fixtures}/glossary/${id}.md`;
const textOf = (id: string) => glossary.find((file) => file.path === path(id))?.text ?? '';

async function findings(): Promise<Finding[]> {
  const lookup = await findIdentifiers(glossary, recordedFetch().fetch, agent);
  if (!lookup.ok) throw new Error(JSON.stringify(lookup));
  return lookup.findings;
}

/** Runs the confirmation with scripted answers, returning what was printed, asked and written. */
async function confirm(options: { yes?: boolean; answers?: string[] }) {
  const printed: string[] = [];
  const asked: string[] = [];
  const answers = [...(options.answers ?? [])];
  const writes = await confirmIdentifiers(await findings(), glossary, {
    yes: options.yes ?? false,
    ask: options.answers
      ? async (question) => {
          asked.push(question);
          return answers.shift() ?? '';
        }
      : undefined,
    print: (text) => printed.push(text),
  });
  return { printed, asked, writes: writes.map(({ path, item }) => ({ path, item })), texts: writes.map(({ text }) => text) };
}

describe('findIdentifiers', () => {
  it("asks each article's own wiki for entries with a Wikipedia address, and Wikidata's name search only for entries with neither", async () => {
    const { fetch, requests } = recordedFetch();
    await findIdentifiers(glossary, fetch, agent);
    expect(
      requests.map(({ url }) => `${url.host} ${url.searchParams.get('action')} ${url.searchParams.get('titles') ?? url.searchParams.get('search')}`),
    ).toEqual([
      'en.wikipedia.org query Tirana example',
      'www.wikidata.org wbsearchentities Example Person',
      'en.wikipedia.org query No such article example',
      'en.wikipedia.org query Tirana example',
      'en.wikipedia.org query Tirana example',
      'en.wikipedia.org query Old name example',
      'en.wikipedia.org query Unlinked example',
    ]);
    expect(new Set(requests.map(({ headers }) => headers['User-Agent']))).toEqual(new Set([agent]));
  });

  it('tells the editor what it found for each entry that lacks an id or records one beside its article', async () => {
    expect((await findings()).map(describeFinding)).toEqual([
      `${path('agreeing')}: wikidata: Q1001 agrees with the article "Tirana example"`,
      [
        `${path('example-person')}: "Example Person" has no Wikipedia article in its front matter; Wikidata items of that name (check each before choosing):`,
        '  1. Q2001  Example Person — Albanian politician (example)',
        '  2. Q2002  Example Person',
      ].join('\n'),
      `${path('gone')}: wikipedia: https://en.wikipedia.org/wiki/No_such_article_example names no article ("No such article example" does not exist): correct the address`,
      `${path('linked')}: the article "Tirana example" is linked to Wikidata item Q1001`,
      `${path('recorded')}: wikidata: Q9 differs from Q1001, the item of the article "Tirana example": check which is right and correct the entry by hand`,
      `${path('renamed')}: the article "New name example" (redirected from "Old name example") is linked to Wikidata item Q1002`,
      `${path('unlinked')}: the article "Unlinked example" is linked to no Wikidata item`,
    ]);
  });

  it('says so when a name search finds no item', async () => {
    const nothing = async () => Response.json(recorded('no-candidates'));
    const lookup = await findIdentifiers([{ path: path('example-person'), text: textOf('example-person') }], nothing, agent);
    expect(lookup.ok && lookup.findings.map(describeFinding)).toEqual([
      `${path('example-person')}: "Example Person" has no Wikipedia article in its front matter, and Wikidata has no item of that name`,
    ]);
  });

  it('offline, stops at the first request that fails and says why', async () => {
    expect(await findIdentifiers(glossary, offlineFetch, agent)).toEqual({
      ok: false,
      unreachable: 'cannot reach en.wikipedia.org (getaddrinfo ENOTFOUND en.wikipedia.org)',
    });
  });

  it('asks nothing of the network for a glossary the build would refuse', async () => {
    const { fetch, requests } = recordedFetch();
    const broken = [...glossary, { path: 'content/glossary/bad.md', text: '---\nname: Bad\ntype: place\n---\n' }];
    expect(await findIdentifiers(broken, fetch, agent)).toEqual({
      ok: false,
      problems: [{ file: 'content/glossary/bad.md', line: 2, message: 'front matter `summary`: is required' }],
    });
    expect(requests).toEqual([]);
  });
});

describe('confirmIdentifiers', () => {
  it('without anyone to ask and without --yes, only says what it would write', async () => {
    const { printed, writes } = await confirm({});
    expect(writes).toEqual([]);
    expect(printed.filter((line) => line.startsWith('  would write'))).toEqual([
      '  would write wikidata: Q1001 (run in a terminal to confirm, or pass --yes)',
      '  would write wikidata: Q1002 (run in a terminal to confirm, or pass --yes)',
    ]);
  });

  it('with --yes, writes the ids that articles link and never a name-search candidate', async () => {
    const { writes, texts } = await confirm({ yes: true });
    expect(writes).toEqual([
      { path: path('linked'), item: 'Q1001' },
      { path: path('renamed'), item: 'Q1002' },
    ]);
    expect(texts).toEqual([
      textOf('linked').replace('wikipedia:', 'wikidata: Q1001\nwikipedia:'),
      textOf('renamed').replace('wikipedia:', 'wikidata: Q1002\nwikipedia:'),
    ]);
  });

  it("asks the editor about each article's id and lets them choose a candidate by its number", async () => {
    const { asked, writes } = await confirm({ answers: ['2', 'y', 'n'] });
    expect(asked).toEqual(['  the number of the right item, or Enter if none is: ', '  write wikidata: Q1001? [y/N] ', '  write wikidata: Q1002? [y/N] ']);
    expect(writes).toEqual([
      { path: path('example-person'), item: 'Q2002' },
      { path: path('linked'), item: 'Q1001' },
    ]);
  });

  it('writes nothing for an empty or unknown answer', async () => {
    const { writes } = await confirm({ answers: ['', '', 'maybe'] });
    expect(writes).toEqual([]);
  });
});
