import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planIngest, planPublish, planUpdate, publishedFrontmatter, type ExistingContent } from '../../../src/ingest/plan.ts';
import { fixtureGlossary, fixtures } from './fixture-glossary.ts';

/** The expected output in tests/fixtures/ingest/expected/<name>; UPDATE=1 rewrites it from `actual`. */
function expected(name: string, actual: string): string {
  const path = join(fixtures, 'expected', name);
  if (process.env.UPDATE) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  return readFileSync(path, 'utf8');
}

const glossary = fixtureGlossary();
const tricky = readFileSync(join(fixtures, 'tricky.txt'));
const manualSource = readFileSync(join(fixtures, 'manual-work', 'sources', 'manual-work.txt'));
const manualPage = readFileSync(join(fixtures, 'manual-work', 'corpus', 'manual-work.mdx'), 'utf8');
const manualPath = 'content/corpus/manual-work.mdx';

/** A content directory holding the fixture glossary and, when asked, the manual-work page and its source. */
function content(options: { manualWork?: boolean } = {}): ExistingContent {
  return {
    dir: 'content',
    pages: new Set(options.manualWork ? ['manual-work'] : []),
    sources: new Map(options.manualWork ? [['manual-work.txt', manualSource]] : []),
    glossary,
  };
}

const required = { title: 'A headline', publisher: 'An Outlet', date: '2023-06-21' };
const text = (value: string) => new TextEncoder().encode(value);
const brokenGlossary = [{ path: 'content/glossary/bad.md', text: '---\nname: Bad\n---\n' }];
const glossaryErrors = [
  'content/glossary/bad.md:2: front matter `type`: Invalid option: expected one of "person"|"organisation"|"institution"|"place"|"event"|"agreement"|"publication"',
  'content/glossary/bad.md:2: front matter `summary`: is required',
  'the glossary has problems (the build would refuse it too): fix them first',
];

describe('planIngest', () => {
  it('writes the source byte for byte and a draft page with every known name marked, and reports on both', () => {
    const plan = planIngest(
      { input: 'tricky.txt', bytes: tricky, options: { title: 'Tricky: a test of escaping', publisher: 'Test Wire', date: '2024-01-02' } },
      content(),
    );
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    const page = plan.writes[1]?.data as string;
    expect(plan).toEqual({
      ok: true,
      writes: [
        { path: 'content/sources/tricky-a-test-of-escaping.txt', data: tricky },
        { path: 'content/corpus/tricky-a-test-of-escaping.mdx', data: expected('tricky.mdx', page) },
      ],
      report: expected('tricky.report.txt', plan.report),
    });
  });

  it('writes a draft with suggested debris, the headline wherever it stands, and a review list of every guess', () => {
    const debris = readFileSync(join(fixtures, 'debris.txt'));
    const plan = planIngest(
      {
        input: 'debris.txt',
        bytes: debris,
        options: { title: 'Albanian Police Raid MEK Camp Near Durrës', publisher: 'Balkan Wire', date: '2023-06-20', url: 'https://example.org/raid' },
      },
      content(),
    );
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.writes[1]?.data).toBe(expected('debris.mdx', plan.writes[1]?.data as string));
    expect(plan.report).toBe(expected('debris.report.txt', plan.report));
  });

  it('accepts a 1,189-character title with a warning in the report, and cuts its slug at a word, not mid-word', () => {
    const title = `${'Albanian police searched the camp of the exiled Iranian opposition group near Durrës and seized computers, '.repeat(12).slice(0, 1188)}.`;
    expect(title.length).toBe(1189);
    const plan = planIngest({ input: 'long.txt', bytes: text('Albanian police searched the camp.'), options: { ...required, title } }, content());
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.writes.map((write) => write.path)).toEqual([
      'content/sources/albanian-police-searched-the-camp-of-the-exiled-iranian.txt',
      'content/corpus/albanian-police-searched-the-camp-of-the-exiled-iranian.mdx',
    ]);
    expect(plan.report.split('\n')).toContain(
      'Warning: --title is 1189 characters long, more than a headline usually is (300): check that it is the headline and not a paragraph; the slug was cut at a word to "albanian-police-searched-the-camp-of-the-exiled-iranian"',
    );
  });

  it('links spelling variants of known names for review, no name inside a longer name, and lists candidate entries worth reading', () => {
    const names = readFileSync(join(fixtures, 'names.txt'));
    const plan = planIngest(
      { input: 'names.txt', bytes: names, options: { title: 'Albanian police search the MEK camp', publisher: 'Test Wire', date: '2023-06-20' } },
      content(),
    );
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.writes[1]?.data).toBe(expected('names.mdx', plan.writes[1]?.data as string));
    expect(plan.report).toBe(expected('names.report.txt', plan.report));
  });

  it('refuses a duplicate of a source already in the corpus', () => {
    expect(planIngest({ input: 'in.txt', bytes: manualSource, options: { ...required, slug: 'other' } }, content({ manualWork: true }))).toEqual({
      ok: false,
      errors: [
        'in.txt is a duplicate of content/sources/manual-work.txt (identical bytes, SHA-256 53e635337041ed62567c7e17340d93730e29a93217847fd5caec476d88d00ff9): that source is already in the corpus',
      ],
    });
  });

  it('refuses the text of a source already in the corpus, differing only in white space', () => {
    const crlf = text(new TextDecoder().decode(manualSource).replaceAll('\n', '\r\n'));
    expect(planIngest({ input: 'in.txt', bytes: crlf, options: required }, content({ manualWork: true }))).toEqual({
      ok: false,
      errors: ['in.txt has the same text as content/sources/manual-work.txt, differing only in white space: that source is already in the corpus'],
    });
  });

  it('never overwrites a page, and points to --update', () => {
    expect(planIngest({ input: 'in.txt', bytes: text('New text.'), options: { ...required, slug: 'manual-work' } }, content({ manualWork: true }))).toEqual({
      ok: false,
      errors: [
        "content/corpus/manual-work.mdx already exists: ingest never overwrites a page. To re-link its mentions keeping the editors' work, run with --update manual-work; for a different document, pass another --slug",
      ],
    });
  });

  it('never overwrites a source, even without its page', () => {
    const sourceOnly = { ...content({ manualWork: true }), pages: new Set<string>() };
    expect(planIngest({ input: 'in.txt', bytes: text('New text.'), options: { ...required, slug: 'manual-work' } }, sourceOnly)).toEqual({
      ok: false,
      errors: [
        'content/sources/manual-work.txt already exists (a source without its page?): sources are never overwritten; pass another --slug or remove that file if it is a leftover',
      ],
    });
  });

  it('reports what is wrong with the file and with the options at once', () => {
    expect(planIngest({ input: 'in.txt', bytes: new Uint8Array(), options: { title: 'T' } }, content())).toEqual({
      ok: false,
      errors: [
        'in.txt: the file is empty: pass the text file of the article',
        'missing --publisher, --date: the page\'s front matter requires the headline, the outlet and the publication date, e.g. --title "Headline as published" --publisher "Outlet" --date 2023-06-20',
      ],
    });
  });

  it('refuses to link against a glossary the build would refuse', () => {
    expect(planIngest({ input: 'in.txt', bytes: text('New text.'), options: required }, { ...content(), glossary: brokenGlossary })).toEqual({
      ok: false,
      errors: glossaryErrors,
    });
  });
});

describe('planUpdate', () => {
  it('marks only what is unmarked, keeping footnotes, Debris, escapes and hand-placed mentions, and reports descriptions to confirm', () => {
    const plan = planUpdate({ pagePath: manualPath, pageText: manualPage }, content({ manualWork: true }));
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan).toEqual({
      ok: true,
      writes: [{ path: manualPath, data: expected('manual-work.mdx', plan.writes[0]?.data as string) }],
      report: expected('manual-work.report.txt', plan.report),
    });
  });

  it('writes nothing to a page that marks every mention already', () => {
    const updated = readFileSync(join(fixtures, 'expected', 'manual-work.mdx'), 'utf8');
    expect(planUpdate({ pagePath: manualPath, pageText: updated }, content({ manualWork: true }))).toEqual({
      ok: true,
      writes: [],
      report: [
        'content/corpus/manual-work.mdx is up to date: no unmarked mention of a known entry; nothing was written.',
        '',
        'Mentions added: none.',
        '',
        'Names and acronyms that match no glossary entry: none.',
        '',
      ].join('\n'),
    });
  });

  it('reports a name it did not mark because it overlaps an existing mention, and why', () => {
    const updated = readFileSync(join(fixtures, 'expected', 'manual-work.mdx'), 'utf8');
    const longerAlias = glossary.map((file) =>
      file.path.endsWith('bledi-cuci.md') ? { ...file, text: file.text.replace('aliases:\n', 'aliases:\n  - Interior Minister Bledi Çuçi\n') } : file,
    );
    const plan = planUpdate({ pagePath: manualPath, pageText: updated }, { ...content({ manualWork: true }), glossary: longerAlias });
    if (!plan.ok) throw new Error(plan.errors.join('\n'));
    expect(plan.writes).toEqual([]);
    expect(plan.report).toBe(
      [
        'content/corpus/manual-work.mdx is up to date: no unmarked mention of a known entry; nothing was written.',
        '',
        'Mentions added: none.',
        '',
        'Not marked (check by hand):',
        '  line 13, ¶ 2: "Interior Minister Bledi Çuçi" (bledi-cuci) was not marked: it overlaps the existing mention "Bledi Çuçi" (bledi-cuci); if the longer name is meant, mark it by hand',
        '',
        'Names and acronyms that match no glossary entry: none.',
        '',
      ].join('\n'),
    );
  });

  it('refuses a page that does not pass the fidelity check', () => {
    expect(planUpdate({ pagePath: manualPath, pageText: manualPage.replace('acted lawfully', 'acted lawfuly') }, content({ manualWork: true }))).toEqual({
      ok: false,
      errors: [
        'content/corpus/manual-work.mdx:13: text differs from content/sources/manual-work.txt: ¶ 2 differs from the source (source line 3): …y that the State Police acted [-lawfully-]{+lawfuly+} at the compound near Durres.',
        "content/corpus/manual-work.mdx does not pass the build's checks: fix it first, then run --update again",
      ],
    });
  });

  it('refuses a page whose front matter is invalid', () => {
    expect(planUpdate({ pagePath: manualPath, pageText: manualPage.replace('publisher: Test Wire\n', '') }, content({ manualWork: true }))).toEqual({
      ok: false,
      errors: ['content/corpus/manual-work.mdx:2: front matter `publisher`: is required', 'fix the front matter first'],
    });
  });

  it('refuses to link against a glossary the build would refuse', () => {
    expect(planUpdate({ pagePath: manualPath, pageText: manualPage }, { ...content({ manualWork: true }), glossary: brokenGlossary })).toEqual({
      ok: false,
      errors: glossaryErrors,
    });
  });
});

describe('planPublish', () => {
  const draftPage = (review: string) => manualPage.replace(/^---\n/u, `---\ndraft: true\n${review}`);

  it('refuses a draft with open review items, listing them', () => {
    const plan = planPublish(
      { pagePath: manualPath, pageText: draftPage('review:\n  - "¶ 1: check the headline"\n  - "¶ 3: check the debris"\n') },
      content({ manualWork: true }),
    );
    expect(plan).toEqual({
      ok: false,
      errors: [
        [
          'content/corpus/manual-work.mdx:3: 2 review items are still open, so the page stays a draft:',
          '  - ¶ 1: check the headline',
          '  - ¶ 3: check the debris',
          'check each item in the page (see README, "Adding a document"), delete it from the review list, then run --publish again',
        ].join('\n'),
      ],
    });
  });

  it.each(['review: []\n', 'review:\n', ''])('removes draft: true and an emptied review list (%j), and nothing else', (review) => {
    const plan = planPublish({ pagePath: manualPath, pageText: draftPage(review) }, content({ manualWork: true }));
    expect(plan).toEqual({
      ok: true,
      writes: [{ path: manualPath, data: manualPage }],
      report: 'Published content/corpus/manual-work.mdx: draft: true removed; the next production build includes it. Run npm run build, then npm run lock.\n',
    });
  });

  it('writes nothing for a page that is not a draft', () => {
    expect(planPublish({ pagePath: manualPath, pageText: manualPage }, content({ manualWork: true }))).toEqual({
      ok: true,
      writes: [],
      report: 'content/corpus/manual-work.mdx is not a draft (no draft: true): it is already published; nothing was written.\n',
    });
  });
});

describe('publishedFrontmatter', () => {
  it('keeps a review list that still has items', () => {
    expect(publishedFrontmatter('---\ntitle: T\ndraft: true\nreview:\n  - a\n---\n\nText\n')).toEqual({
      text: '---\ntitle: T\nreview:\n  - a\n---\n\nText\n',
      wasDraft: true,
      reviewLine: 4,
    });
  });
});
