import { Parser } from 'htmlparser2';
import { sha256 } from '../text/hash.ts';

/**
 * What the search index leaves out besides `data-pagefind-ignore`: the notes
 * section that closes a document, whose notes Pagefind would otherwise count
 * toward the last paragraph (scripts/search-index.ts passes these to Pagefind).
 */
const excludedAttributes = ['data-footnotes'] as const;
export const searchExclusions: string[] = excludedAttributes.map((name) => `[${name}]`);

const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/**
 * Elements after which the two parsers may disagree on what is markup and
 * what is text: raw-text elements htmlparser2 reads as markup, and foreign
 * content, whose end a stray end tag makes htmlparser2 misplace. A page with
 * one is taken whole, as is a page with a non-void element closed by `/>`
 * (an HTML5 tokenizer ignores the slash; htmlparser2 ends a raw-text element
 * there).
 */
const takenWhole = new Set(['iframe', 'math', 'noembed', 'noframes', 'noscript', 'plaintext', 'svg', 'template', 'xmp']);

/**
 * The elements whose text a region may leave out when they are the left-out
 * element itself: blocks. Pagefind gives an inline element (a link, a span, a
 * `sup`) the anchor of the paragraph around it, whose text it then takes from
 * the inline element's children, left out or not.
 */
const blocks = new Set(['aside', 'blockquote', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'header', 'li', 'nav', 'ol', 'p', 'section', 'ul']);

/**
 * The elements a left-out region may hold and still have its text left out of
 * the digest: phrasing and plain blocks. Anything else (a heading Pagefind
 * takes a title from, a script, a table whose parsing differs between
 * parsers, foreign content) keeps the region's text in.
 */
const plainElements = new Set([
  'a',
  'abbr',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'button',
  'cite',
  'code',
  'data',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'nav',
  'ol',
  'p',
  'q',
  's',
  'samp',
  'section',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'ul',
  'var',
  'wbr',
]);

interface Region {
  /** The depth of the region's element in the stack of open elements. */
  depth: number;
  /** Where its start tag begins. */
  start: number;
  /** The start and end tags the parser read in it, to be matched against its `<`s. */
  tags: number;
  /** The text inside it, as [start, end) offsets into the page. */
  text: [number, number][];
  /** Whether Pagefind may read some of its text after all. */
  read: boolean;
}

/**
 * A digest of what the search index reads of a page: the page's bytes, less
 * the text of each element Pagefind leaves out (`data-pagefind-ignore`, any
 * value, and the excluded selectors above). Two pages with the same digest
 * give the same index, so a rebuild after editing an editorial note, which
 * only changes such text, can keep the last index (scripts/search-index.ts).
 *
 * Pagefind drops the text of a left-out element with the element, except
 * where an element inside it takes its text as a filter, metadata or sort
 * value, or is a body, or is the `<h1>` or `<title>` it takes a page title
 * from, or where the element is inline and lends its text to the anchor
 * around it: a region holding any `data-pagefind-*` attribute but the ignore
 * itself, or any element outside the plain ones, or whose own element is not
 * a block, keeps its text in the digest. So does a region whose end
 * Pagefind's parser might place elsewhere than this one: one with an implied
 * start or end tag, an end tag this parser dropped (a `<` it did not read as
 * a tag), a comment or CDATA; a page where the two parsers may disagree
 * (`takenWhole`) is taken whole. Every tag and attribute, inside or out,
 * stays in. The reviews that found the inline case and the `/>` and foreign
 * content cases indexed each pair with Pagefind 1.6:
 * tests/integration/search-input.test.ts does the same for every case here.
 */
export function searchInputDigest(html: string): string {
  const dropped: [number, number][] = [];
  const open: string[] = [];
  let region: Region | undefined;
  let whole = false;
  const unplain = () => {
    if (region) region.read = true;
  };
  const parser = new Parser(
    {
      onopentag(name, attributes, implied) {
        const selfClosed = html[parser.endIndex - 1] === '/';
        if (takenWhole.has(name) || (selfClosed && !voidElements.has(name))) whole = true;
        // A void element has no text to leave out.
        const leftOut = !voidElements.has(name) && ('data-pagefind-ignore' in attributes || excludedAttributes.some((attribute) => attribute in attributes));
        if (!region && leftOut) region = { depth: open.length, start: parser.startIndex, tags: 0, text: [], read: !blocks.has(name) };
        if (region) {
          region.tags += 1;
          if (implied || !plainElements.has(name) || readsText(attributes)) unplain();
        }
        if (!voidElements.has(name)) open.push(name);
      },
      ontext() {
        region?.text.push([parser.startIndex, parser.endIndex + 1]);
      },
      onclosetag(name, implied) {
        if (voidElements.has(name)) return;
        if (implied) unplain();
        open.pop();
        if (!region) return;
        region.tags += 1;
        if (open.length === region.depth) {
          if (!region.read && countOf('<', html, region.start, parser.endIndex) === region.tags) dropped.push(...region.text);
          region = undefined;
        }
      },
      oncomment: unplain,
      oncdatastart: unplain,
      onprocessinginstruction: unplain,
    },
    { decodeEntities: false },
  );
  parser.end(html);
  if (whole || dropped.length === 0) return sha256(html);
  const kept: string[] = [];
  let from = 0;
  for (const [start, end] of dropped) {
    kept.push(html.slice(from, start));
    from = end;
  }
  kept.push(html.slice(from));
  return sha256(kept.join(''));
}

/** Whether an element has a Pagefind attribute but the ignore, which may make Pagefind read the text of a left-out element. */
function readsText(attributes: Record<string, string>): boolean {
  for (const name in attributes) if (name.startsWith('data-pagefind-') && name !== 'data-pagefind-ignore') return true;
  return false;
}

/** How often `character` occurs in `text` from `from` to `to`, both included. */
function countOf(character: string, text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf(character, from); at !== -1 && at <= to; at = text.indexOf(character, at + 1)) count += 1;
  return count;
}
