import { describe, expect, it } from 'vitest';
import { searchInputDigest } from '../../../src/site/search-input.ts';

/** A page as the site writes one, with `body` inside its searched article. */
const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>A page</title></head><body><header data-pagefind-ignore><a href="/">Home</a></header><article data-pagefind-body>${body}</article></body></html>`;

/** Whether the digest tells the two bodies apart. */
const differs = (before: string, after: string) => searchInputDigest(page(before)) !== searchInputDigest(page(after));

const paragraph = '<p id="p3" class="para" data-pagefind-title="¶ 3"><a href="#p3" data-pagefind-ignore="">¶ 3</a><span>The council met.</span></p>';

describe('the digest of what the search index reads of a page', () => {
  it('is the same when only an editorial note changes, in its sidenote and in the notes section', () => {
    const notes = (note: string) =>
      `${paragraph}<aside class="sidenotes" aria-label="Notes to ¶ 3" data-pagefind-ignore=""><div class="sidenote" id="sn-n1"><span>1</span>\n<p>${note}</p>\n<a href="#fnref-n1">↩</a></div></aside>` +
      `<section data-footnotes class="footnotes"><h2 id="footnote-label">Notes</h2>\n<ol>\n<li id="fn-n1">\n<p>${note} <a href="#fnref-n1" data-footnote-backref="">↩</a></p>\n</li>\n</ol>\n</section>`;
    expect(differs(notes('An editorial note.'), notes('A corrected editorial note, &amp; longer.'))).toBe(false);
  });

  it('is the same when the text of any left-out element changes, whatever the value of data-pagefind-ignore', () => {
    for (const value of ['', '="index"', '="all"', '="true"'])
      expect(
        differs(`<div data-pagefind-ignore${value}>Accessed 1 December 2026.</div>`, `<div data-pagefind-ignore${value}>Accessed 2 December 2026.</div>`),
      ).toBe(false);
  });

  it('changes when the text the index reads changes', () => {
    expect(differs(paragraph, paragraph.replace('The council met.', 'The council did not meet.'))).toBe(true);
    expect(differs('<h1>Title</h1>', '<h1>Another title</h1>')).toBe(true);
  });

  it('changes when a tag or attribute inside a left-out element changes, since the index may read those', () => {
    expect(differs('<aside data-pagefind-ignore><p id="a">Note</p></aside>', '<aside data-pagefind-ignore><p id="b">Note</p></aside>')).toBe(true);
    expect(differs('<aside data-pagefind-ignore><p>Note</p></aside>', '<aside data-pagefind-ignore><div>Note</div></aside>')).toBe(true);
  });

  it('keeps the text of a left-out element from which Pagefind takes a filter, metadata, a sort key, a body or a title', () => {
    for (const attribute of ['data-pagefind-meta="type"', 'data-pagefind-filter="type"', 'data-pagefind-sort="date"', 'data-pagefind-body'])
      expect(differs(`<p data-pagefind-ignore ${attribute}>Place</p>`, `<p data-pagefind-ignore ${attribute}>Person</p>`)).toBe(true);
    expect(
      differs(
        '<div data-pagefind-ignore><span data-pagefind-meta="kind">Place</span></div>',
        '<div data-pagefind-ignore><span data-pagefind-meta="kind">Person</span></div>',
      ),
    ).toBe(true);
    expect(differs('<div data-pagefind-ignore><h1>Place</h1></div>', '<div data-pagefind-ignore><h1>Person</h1></div>')).toBe(true);
  });

  it('keeps the text of a left-out element whose end another parser could place elsewhere', () => {
    // A block ends an open paragraph before the paragraph's end tag: the text after it would be read.
    expect(differs('<p data-pagefind-ignore>Note<div>x</div>text</p>', '<p data-pagefind-ignore>Note<div>x</div>other</p>')).toBe(true);
    // An end tag with no start tag, a comment, and a `<` in an attribute value.
    expect(differs('<div data-pagefind-ignore>Note</span>text</div>', '<div data-pagefind-ignore>Note</span>other</div>')).toBe(true);
    expect(differs('<div data-pagefind-ignore><!-- a --></div>text</div>', '<div data-pagefind-ignore><!-- a --></div>other</div>')).toBe(true);
    expect(differs('<div data-pagefind-ignore><a title="a<b">text</a></div>', '<div data-pagefind-ignore><a title="a<b">other</a></div>')).toBe(true);
    // Elements outside the plain ones, and foreign content.
    expect(differs('<div data-pagefind-ignore><script>let a = 1;</script></div>', '<div data-pagefind-ignore><script>let a = 2;</script></div>')).toBe(true);
    expect(
      differs(
        '<svg><foreignObject><div data-pagefind-ignore>a</div></foreignObject></svg>',
        '<svg><foreignObject><div data-pagefind-ignore>b</div></foreignObject></svg>',
      ),
    ).toBe(true);
  });

  it('ends a left-out element at its own end tag, with elements of its name inside it', () => {
    const nested = (inner: string, after: string) => `<div data-pagefind-ignore><div>${inner}</div>note</div><div>${after}</div>`;
    expect(differs(nested('a', 'read'), nested('b', 'read'))).toBe(false);
    expect(differs(nested('a', 'read'), nested('a', 'changed'))).toBe(true);
  });

  it('leaves out no text after a left-out element with no content', () => {
    expect(differs('<img src="a.png" data-pagefind-ignore><p>read</p>', '<img src="a.png" data-pagefind-ignore><p>changed</p>')).toBe(true);
  });

  it('takes the whole page where some of it is text to an HTML5 parser and markup to this one', () => {
    const noscript = (note: string) => `<noscript>Scripts are off.</noscript><aside data-pagefind-ignore><p>${note}</p></aside>`;
    expect(differs(noscript('a'), noscript('b'))).toBe(true);
  });

  it('is the digest of the bytes of a page with nothing left out', () => {
    const html = page(paragraph.replace(' data-pagefind-ignore=""', ''));
    expect(searchInputDigest(html)).toMatch(/^[0-9a-f]{64}$/u);
    expect(searchInputDigest(html)).not.toBe(searchInputDigest(`${html}\n`));
  });
});
