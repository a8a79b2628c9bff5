/** Quotes longer than this are addressed by their first and last words (textStart,textEnd). */
const maxExactLength = 120;
const edgeWords = 5;

/** Percent-encodes for a text directive, where `-`, `,` and `&` have meanings of their own. */
function encodeDirectivePart(text: string): string {
  return encodeURIComponent(text).replace(/-/gu, '%2D').replace(/,/gu, '%2C').replace(/&/gu, '%26');
}

/** The text directive for a quote: `text=exact` or, for a long quote, `text=start,end`. */
export function textDirective(quote: string): string {
  const normalized = quote.replace(/\s+/gu, ' ').trim();
  if (normalized.length <= maxExactLength) return `text=${encodeDirectivePart(normalized)}`;
  const words = normalized.split(' ');
  const start = words.slice(0, edgeWords).join(' ');
  const end = words.slice(-edgeWords).join(' ');
  return `text=${encodeDirectivePart(start)},${encodeDirectivePart(end)}`;
}

/**
 * A link to a quote: the paragraph's permanent URL with a text fragment, which
 * browsers scroll to and highlight, and the quote as `highlight` for the
 * site's own marking: `/documents/a/?highlight=words#p7:~:text=words`.
 */
export function quoteUrl(paragraphUrl: string, quote: string): string {
  const url = new URL(paragraphUrl);
  const normalized = quote.replace(/\s+/gu, ' ').trim();
  url.searchParams.set('highlight', normalized);
  const fragment = url.hash.slice(1);
  url.hash = '';
  return `${url.href}#${fragment}:~:${textDirective(normalized)}`;
}
