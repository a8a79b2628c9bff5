import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { searchExclusions, searchInputDigest } from '../../src/site/search-input.ts';

/**
 * What `searchInputDigest` promises, checked against Pagefind itself: two
 * pages with the same digest give the same index. Each pair below is indexed
 * by Pagefind's own indexing service, as the build does; the pairs whose
 * digests differ only cost a rebuild its copied index.
 */

/** A page as the site writes one, with `body` inside its searched article. */
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>A page</title></head><body><header data-pagefind-ignore><a href="/">Home</a></header><main data-pagefind-body><h1>Title</h1>${body}</main></body></html>`;

/** Every file of the index Pagefind writes for a site of one page, by path and bytes. */
async function indexOf(html: string): Promise<Map<string, string>> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: searchExclusions });
  if (!index) throw new Error(errors.join('; '));
  await index.addHTMLFile({ url: '/documents/a/', content: html });
  const { files } = await index.getFiles();
  await index.deleteIndex();
  return new Map(files.map((file) => [file.path, Buffer.from(file.content).toString('base64')]));
}

const paragraph = (text: string, reference: string) =>
  `<p id="p3" class="para" data-pagefind-title="¶ 3"><a href="#p3" class="para-num" data-pagefind-ignore="">¶ 3</a><span class="para-text">${text}<sup data-pagefind-ignore=""><a href="#sn-n1" id="fnref-n1" data-footnote-ref="" aria-describedby="footnote-label">${reference}</a></sup></span></p>`;
const notes = (note: string) =>
  `${paragraph('The council met.', '1')}<aside class="sidenotes" aria-label="Notes to ¶ 3" data-pagefind-ignore=""><div class="sidenote" id="sn-n1"><span class="sidenote-number">1</span>\n<p>${note}</p>\n<a href="#fnref-n1" class="sidenote-back" aria-label="Back to reference 1">↩</a></div></aside>` +
  `<section data-footnotes class="footnotes"><h2 class="footnotes-heading" id="footnote-label">Notes</h2>\n<ol>\n<li id="fn-n1">\n<p>${note} <a href="#fnref-n1" data-footnote-backref="" aria-label="Back to reference 1">↩</a></p>\n</li>\n</ol>\n</section>`;

/** Pairs of pages that differ only in text Pagefind leaves out: the digest must not tell them apart. */
const leftOut: [string, string, string][] = [
  ['an editorial note, in its sidenote and in the notes section', notes('An editorial note.'), notes('A corrected editorial note, longer.')],
  [
    'the access date of a printed citation',
    '<section class="how-to-cite" data-pagefind-ignore><p>Accessed 1 December 2026.</p></section>',
    '<section class="how-to-cite" data-pagefind-ignore><p>Accessed 2 December 2026.</p></section>',
  ],
];

/** Pairs that differ in text Pagefind reads, each a way a digest could go wrong: the digest must tell them apart. */
const read: [string, string, string][] = [
  ['the text of a paragraph', paragraph('The council met.', '1'), paragraph('The council did not meet.', '1')],
  // Pagefind gives an inline element the anchor of its paragraph, and the anchor the text of the element's children.
  ['the text inside a left-out inline element of a paragraph', paragraph('The council met.', '1'), paragraph('The council met.', 'Editor’s remark')],
  [
    'metadata taken from a left-out element',
    '<p data-pagefind-ignore data-pagefind-meta="kind">Place</p>',
    '<p data-pagefind-ignore data-pagefind-meta="kind">Person</p>',
  ],
  // htmlparser2 ends a raw-text element at `/>`; an HTML5 tokenizer reads on to its end tag.
  [
    'a self-closed textarea',
    '<section>Council <textarea/><div data-pagefind-ignore>alpha</div></textarea> met.</section>',
    '<section>Council <textarea/><div data-pagefind-ignore>omega</div></textarea> met.</section>',
  ],
  // A stray end tag ends foreign content for htmlparser2, not for an HTML5 tokenizer.
  [
    'foreign content left by a stray end tag',
    '<section><math></section></mi>Council <aside data-pagefind-ignore/>alpha</aside> met.',
    '<section><math></section></mi>Council <aside data-pagefind-ignore/>omega</aside> met.',
  ],
];

describe('the digest of what the search index reads, against Pagefind', () => {
  afterAll(() => pagefind.close());

  it.each(leftOut)('is the same, and so is the index, when only %s changes', async (_, before, after) => {
    expect(searchInputDigest(page(before))).toBe(searchInputDigest(page(after)));
    expect(await indexOf(page(after))).toEqual(await indexOf(page(before)));
  });

  it.each(read)('differs, as the index does, when %s changes', async (_, before, after) => {
    expect(searchInputDigest(page(before))).not.toBe(searchInputDigest(page(after)));
    // The pair is worth its place: Pagefind reads the difference.
    expect(await indexOf(page(after))).not.toEqual(await indexOf(page(before)));
  });
});
