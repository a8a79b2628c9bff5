/**
 * The review list of a draft: every guess ingest made that an editor must
 * check before the page is published (the headline it chose, the paragraphs
 * it suggests as debris, the descriptions and spelling variants it linked).
 * The list goes into the page's front matter as `review:`; the build refuses
 * a published page with open items, and `npm run ingest -- --publish`
 * removes `draft: true` only once the editor has deleted every item.
 */
import type { LinkedMention } from '../linking/link.ts';
import type { SourceParagraph } from '../text/paragraphs.ts';
import type { DraftLayout } from './debris.ts';

/** A paragraph's text as a review item quotes it: at most `max` characters, cut at a word. */
export function quote(text: string, max = 80): string {
  if (text.length <= max) return `"${text}"`;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `"${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…"`;
}

/** The review items of a new draft, in reading order: headline, debris, descriptions and spelling variants by ¶. */
export function reviewItems(paragraphs: readonly SourceParagraph[], layout: DraftLayout, linked: readonly LinkedMention[]): string[] {
  const items: { paragraph: number; text: string }[] = [];
  const textOf = (number: number) => paragraphs.find((paragraph) => paragraph.number === number)?.text ?? '';
  if (layout.headline !== undefined) {
    items.push({ paragraph: layout.headline, text: `¶ ${layout.headline}: taken as the headline (the # heading): ${quote(textOf(layout.headline))}` });
  }
  for (const [number, reason] of layout.debris) {
    items.push({ paragraph: number, text: `¶ ${number}: suggested as debris (${reason}): ${quote(textOf(number))}: keep the <Debris> or unwrap it` });
  }
  for (const mention of linked) {
    if (mention.variantOf !== undefined)
      items.push({
        paragraph: mention.paragraph,
        text: `¶ ${mention.paragraph}: "${mention.text}" ≈ ${mention.variantOf} (${mention.entry}): linked; add it to the entry's aliases, or unwrap the <Mention>`,
      });
    else if (mention.description)
      items.push({
        paragraph: mention.paragraph,
        text: `¶ ${mention.paragraph}: description "${mention.text}" linked to ${mention.entry}: confirm it or unwrap the <Mention>`,
      });
  }
  return items.sort((a, b) => a.paragraph - b.paragraph).map((item) => item.text);
}
