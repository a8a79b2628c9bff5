import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { parse as parseRis } from 'astrocite-ris';
import { Cite, plugins } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import type { DocumentMeta } from '../../../src/corpus/schema.ts';
import {
  articleItem,
  type CitationStyle,
  citationStyles,
  editionItem,
  formatCitations,
  formatReferences,
  type Citations,
  printedStyles,
  singleEntryTemplate,
} from '../../../src/site/citation.ts';

const context = { siteUrl: 'https://corpus.example.org', siteName: 'Annotated Source Corpus', accessed: new Date('2026-11-23T10:00:00Z') };

const balkanInsight = 'mek-has-not-respected-the-2014-agreement';
const a2 = 'us-state-department-reacts';
const biUrl = `https://corpus.example.org/documents/${balkanInsight}/#p7`;
const a2Url = `https://corpus.example.org/documents/${a2}/#p10`;
const a2Original = 'https://english.a2news.com/2023/06/21/us-state-department-reacts-to-albanian-police-operation-at-the-iranian-mujahideen-camp/';

/** Metadata of the two kinds a citation must handle (named author and no original URL; no author and the original URL), as two of the corpus's documents have it. */
const documents: Record<string, DocumentMeta> = {
  [balkanInsight]: {
    title: 'MEK has not respected the 2014 agreement, Albania Says',
    publisher: 'Balkan Insight',
    authors: ['Fjori Sinoruka'],
    published: '2023-06-20',
    language: 'en',
    source: `${balkanInsight}.txt`,
    sha256: '0'.repeat(64),
  },
  [a2]: {
    title: 'US State Department reacts to Albanian Police operation at the Iranian Mujahideen camp',
    publisher: 'A2 CNN',
    authors: [],
    published: '2023-06-21',
    url: a2Original,
    language: 'en',
    source: `${a2}.txt`,
    sha256: '1'.repeat(64),
  },
};

function cite(slug: string, paragraph?: number): Citations {
  const meta = documents[slug];
  if (!meta) throw new Error(`no document ${slug}`);
  return formatCitations({ slug, meta, paragraph }, context);
}

describe('a paragraph of the Balkan Insight article (named author, no original URL known)', () => {
  const citations = cite(balkanInsight, 7);

  it('APA names the article, then the edition with its permanent ¶ URL and access date', () => {
    expect(citations.styles.apa).toEqual({
      article: 'Sinoruka, F. (2023, June 20). MEK has not respected the 2014 agreement, Albania Says. Balkan Insight.',
      edition: `Sinoruka, F. (n.d.). MEK has not respected the 2014 agreement, Albania Says [Annotated edition, ¶ 7]. Annotated Source Corpus. Retrieved November 23, 2026, from ${biUrl}`,
      inText: '(Sinoruka, 2023, para. 7)',
    });
  });

  it('MLA', () => {
    expect(citations.styles.mla).toEqual({
      article: 'Sinoruka, Fjori. “MEK Has Not Respected the 2014 Agreement, Albania Says.” Balkan Insight, 20 June 2023.',
      edition: `Sinoruka, Fjori. “MEK Has Not Respected the 2014 Agreement, Albania Says.” Annotated Source Corpus, ${biUrl}. Accessed 23 Nov. 2026.`,
      inText: '(Sinoruka, para.7)',
    });
  });

  it('Chicago notes and bibliography', () => {
    expect(citations.styles.chicago).toEqual({
      article: 'Sinoruka, Fjori. “MEK Has Not Respected the 2014 Agreement, Albania Says.” Balkan Insight, June 20, 2023.',
      edition: `Sinoruka, Fjori. “MEK Has Not Respected the 2014 Agreement, Albania Says.” Annotated edition, ¶ 7. Annotated Source Corpus. Accessed November 23, 2026. ${biUrl}.`,
      inText: 'Fjori Sinoruka, “MEK Has Not Respected the 2014 Agreement, Albania Says,” Balkan Insight, June 20, 2023, para. 7.',
    });
  });

  it('Harvard', () => {
    expect(citations.styles.harvard).toEqual({
      article: 'Sinoruka, F. (2023) “MEK has not respected the 2014 agreement, Albania Says,” Balkan Insight, 20 June.',
      edition: `Sinoruka, F. (no date) MEK has not respected the 2014 agreement, Albania Says, Annotated Source Corpus. Available at: ${biUrl} (Accessed: November 23, 2026).`,
      inText: '(Sinoruka, 2023, para. 7)',
    });
  });

  it('BibTeX parses back, with an independent parser, to the article and the edition', () => {
    const { entries, errors } = parseBibtex(citations.bibtex);
    expect(errors).toEqual([]);
    expect(entries.map((entry) => [entry.key, entry.type])).toEqual([
      ['sinoruka2023MekP7', 'article'],
      ['sinoruka2023MekP7Ed', 'misc'],
    ]);
    const [article, edition] = entries;
    expect(article?.fields.author).toEqual([{ lastName: 'Sinoruka', firstName: 'Fjori' }]);
    expect(article?.fields.title).toBe('MEK has not respected the 2014 agreement, Albania Says');
    expect(article?.fields.journal).toBe('Balkan Insight');
    expect(article?.fields.year).toBe('2023');
    expect(edition?.fields.url).toBe(biUrl);
    expect(edition?.fields.note).toBe('Annotated edition of Balkan Insight, 2023-06-20, ¶ 7; accessed 2026-11-23');
  });

  it('RIS parses back, with an independent parser, to the article and the edition', () => {
    const [article, edition] = parseRis(citations.ris);
    expect(article).toMatchObject({
      type: 'article-newspaper',
      title: 'MEK has not respected the 2014 agreement, Albania Says',
      author: [{ family: 'Sinoruka', given: 'Fjori' }],
      'container-title': 'Balkan Insight',
      issued: { 'date-parts': [['2023']] },
    });
    expect(citations.ris).toContain('DA  - 2023/06/20/');
    expect(edition).toMatchObject({ type: 'webpage', URL: biUrl, author: [{ family: 'Sinoruka', given: 'Fjori' }] });
    expect(citations.ris).toContain('N1  - Annotated edition of Balkan Insight, 2023-06-20, ¶ 7; accessed 2026-11-23');
  });

  it('CSL-JSON holds both items', () => {
    const items = JSON.parse(citations.cslJson) as { type: string; URL?: string }[];
    expect(items.map((item) => [item.type, item.URL])).toEqual([
      ['article-newspaper', undefined],
      ['webpage', biUrl],
    ]);
  });
});

describe('a paragraph of the A2 CNN article (no author, original URL known)', () => {
  const citations = cite(a2, 10);

  it('APA leads with the title and gives the original URL', () => {
    expect(citations.styles.apa).toEqual({
      article: `US State Department reacts to Albanian Police operation at the Iranian Mujahideen camp. (2023, June 21). A2 CNN. ${a2Original}`,
      edition: `US State Department reacts to Albanian Police operation at the Iranian Mujahideen camp. (n.d.). [Annotated edition, ¶ 10]. Annotated Source Corpus. Retrieved November 23, 2026, from ${a2Url}`,
      inText: '(“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp,” 2023, para. 10)',
    });
  });

  it('MLA', () => {
    expect(citations.styles.mla).toEqual({
      article: `“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp.” A2 CNN, 21 June 2023, ${a2Original}.`,
      edition: `“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp.” Annotated Source Corpus, ${a2Url}. Accessed 23 Nov. 2026.`,
      inText: '(“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp,” para.10)',
    });
  });

  it('Chicago notes and bibliography', () => {
    expect(citations.styles.chicago).toEqual({
      article: `“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp.” A2 CNN, June 21, 2023. ${a2Original}.`,
      edition: `“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp.” Annotated edition, ¶ 10. Annotated Source Corpus. Accessed November 23, 2026. ${a2Url}.`,
      inText: `“US State Department Reacts to Albanian Police Operation at the Iranian Mujahideen Camp,” A2 CNN, June 21, 2023, para. 10, ${a2Original}.`,
    });
  });

  it('Harvard', () => {
    expect(citations.styles.harvard).toEqual({
      article: `A2 CNN (2023) “US State Department reacts to Albanian Police operation at the Iranian Mujahideen camp,” 21 June. Available at: ${a2Original}.`,
      edition: `US State Department reacts to Albanian Police operation at the Iranian Mujahideen camp (no date) Annotated Source Corpus. Available at: ${a2Url} (Accessed: November 23, 2026).`,
      inText: '(A2 CNN, 2023, para. 10)',
    });
  });

  it('BibTeX and RIS carry the original URL and the permanent ¶ URL', () => {
    const { entries } = parseBibtex(citations.bibtex);
    expect(entries.map((entry) => entry.fields.url)).toEqual([a2Original, a2Url]);
    const items = parseRis(citations.ris);
    expect(items.map((item) => item.URL)).toEqual([a2Original, a2Url]);
    expect(items[0]?.issued).toEqual({ 'date-parts': [['2023']] });
    expect(citations.ris).toContain('DA  - 2023/06/21/');
  });
});

describe('a whole document', () => {
  it('cites the document page, without a ¶', () => {
    const citations = cite(balkanInsight);
    expect(citations.styles.apa.edition).toBe(
      `Sinoruka, F. (n.d.). MEK has not respected the 2014 agreement, Albania Says [Annotated edition]. Annotated Source Corpus. Retrieved November 23, 2026, from https://corpus.example.org/documents/${balkanInsight}/`,
    );
    expect(citations.styles.apa.inText).toBe('(Sinoruka, 2023)');
  });
});

describe('references formatted one document after another, as a build does', () => {
  const references = (slug: string) => {
    const meta = documents[slug];
    if (!meta) throw new Error(`no document ${slug}`);
    return formatReferences({ slug, meta }, context, printedStyles);
  };

  it('gives a document the same references whatever was formatted before it', () => {
    const first = references(balkanInsight);
    references(a2);
    // Another article by the same author in the same year: in one bibliography, APA would make them 2023a and 2023b.
    const sameAuthor = { ...(documents[balkanInsight] as DocumentMeta), title: 'Albania raids the MEK camp' };
    formatReferences({ slug: 'albania-raids-the-mek-camp', meta: sameAuthor }, context, printedStyles);
    expect(references(balkanInsight)).toEqual(first);
  });

  it("leaves citeproc's engine for each printed style holding nothing, so the ten-thousandth document costs what the first did", () => {
    const engineOf = (template: string) => plugins.config.get('@csl').engine([], template, 'en-US', 'text');
    // citation-js on its own leaves the items it formatted marked in the engine it keeps for the style…
    for (const slug of [a2, balkanInsight, a2]) {
      new Cite(articleItem({ slug, meta: documents[slug] as DocumentMeta })).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    }
    expect(Object.keys(engineOf('apa').tmp.taintedItemIDs)).not.toEqual([]);
    // …and the references of a document leave none.
    for (const slug of [balkanInsight, a2, balkanInsight]) references(slug);
    for (const style of printedStyles) expect(Object.keys(engineOf(singleEntryTemplate(citationStyles[style].template)).tmp.taintedItemIDs)).toEqual([]);
  });
});

describe('a reference in the style for one entry', () => {
  const base = documents[balkanInsight] as DocumentMeta;
  // Names, titles and addresses of every shape the corpus has or may have: none, one, several, past APA's 20, particles, letters beyond ASCII.
  const metas: DocumentMeta[] = [
    base,
    documents[a2] as DocumentMeta,
    { ...base, authors: ['Arbër Çuçaj', 'Klea Marku'], title: 'Albania: the camp, the raid and the “documents”' },
    { ...base, authors: ['Ludwig van Beethoven', 'Jean de La Fontaine', 'Elena Marsh'], url: 'https://example.org/a?b=c&d=e' },
    { ...base, authors: Array.from({ length: 22 }, (_, index) => `Given${index} Family${index}`), published: '2024-02-29' },
    { ...base, authors: ['Fjori Sinoruka', 'Fjori Sinoruka'], title: 'MEK has not respected the 2014 agreement, Albania Says', language: 'sq' },
    // Co-authors with one family name and initials: styles that tell authors apart by given names expand them in the entry too.
    { ...base, authors: ['John Smith', 'Jane Smith'] },
    { ...base, authors: ['John Smith', 'Anna Doe', 'Bob Roe', 'Jane Smith'] },
    { ...base, authors: ['Arbër Çuçaj', 'Anila Çuçaj'] },
    { ...base, authors: ['J.R. Smith', 'Jack R. Smith'] },
  ];
  const wholeStyle = (item: ReturnType<typeof articleItem>, template: string) =>
    new Cite(item).format('bibliography', { format: 'text', template, lang: 'en-US' }).trim();

  it('reads as the whole style gives it, in every style, for the article and for the edition of a document and of a paragraph', () => {
    for (const [index, meta] of metas.entries()) {
      for (const paragraph of [undefined, 7]) {
        const subject = { slug: `document-${index}`, meta, paragraph };
        const styles = Object.keys(citationStyles) as CitationStyle[];
        const references = formatReferences(subject, context, styles);
        for (const style of styles) {
          const { template } = citationStyles[style];
          expect(references[style].article, `${style}, ${meta.title}`).toBe(wholeStyle(articleItem(subject), template));
          expect(references[style].edition, `${style}, ${meta.title}`).toBe(wholeStyle(editionItem(subject, context), template));
        }
      }
    }
  });
});
