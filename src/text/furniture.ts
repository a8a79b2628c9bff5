/**
 * The furniture of a news page that scrapers carry into the text: photo
 * credits and lines that link to other posts. Ingest suggests a paragraph
 * that is nothing else as debris (src/ingest/debris.ts), and finds no names
 * in them where they stand inside a paragraph (src/linking/proper-names.ts).
 */

/** News and photo agencies, as credits name them. */
export const newsAgencies =
  /\b(?:AFP|AP|Reuters|REUTERS|EPA|Getty(?: Images)?|GETTY|Belga|BELGA|ANSA|LaPresse|Anadolu|ANADOLU|Xinhua|XINHUA|Shutterstock|iStock|Alamy|DPA|dpa|PA|Sipa|SIPA)\b/u;

const linkLabels =
  '(?:read(?: more| also| next)?|related(?: posts| articles| stories| news| content)?|also read|see also|more on this(?: story)?|recommended|you may also like|watch|listen)\\s*[:|–—-]';

/** The label that opens a line linking to another post: "READ:", "Related –", "Also read:". */
export const linkLabel = new RegExp(`^${linkLabels}`, 'iu');

/** A link line inside a paragraph: its label opens a line or a sentence, and it runs to the end of the line (of the text, where white space is normalised). */
const linkLine = new RegExp(`(?<=^|[.!?]["”’)]?\\s+)${linkLabels}.*`, 'gimu');

/**
 * Photo credits inside a text: names joined by slashes, of which one is an
 * agency or a photographer's name in capitals ("NICOLAS MAETERLINCK/Belga/AFP",
 * "Photo: John Smith/Reuters").
 */
const capitalisedWords = String.raw`\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)*`;
const slashedNames = new RegExp(
  String.raw`(?:\b(?:[Pp]hoto|[Ii]mage|[Pp]icture|[Cc]redit|[Ff]oto)s?(?: [Cc]redit)?\s*:\s*)?${capitalisedWords}(?:\s*\/\s*${capitalisedWords})+`,
  'gu',
);

/** Spans of `text` that are page furniture, not the article's words: photo credits and link lines. */
export function furnitureSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const match of text.matchAll(slashedNames)) {
    const parts = match[0].replace(/^[^:]*:\s*/u, '').split('/');
    if (parts.some((part) => newsAgencies.test(part) || /^\s*\p{Lu}{2,}(?:\s+\p{Lu}{2,})+\s*$/u.test(part)))
      spans.push({ start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(linkLine)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}
