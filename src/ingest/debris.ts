/**
 * Suggestions for a draft, which the editor confirms: the paragraph that is
 * the headline, and paragraphs that look like scraping debris (widget labels,
 * the site's tagline, links to other posts, image file names, photo credits,
 * share lines, datelines). Each is a guess, listed for review, never a
 * decision: the page keeps every paragraph of the source either way.
 */
import { foldForMatching } from '../text/normalize.ts';
import type { SourceParagraph } from '../text/paragraphs.ts';
import { isNearMiss } from '../linking/near.ts';
import { linkLabel, newsAgencies } from '../text/furniture.ts';

/** How ingest lays out a draft: which paragraph is the `#` heading, and which are suggested as debris, with the reason. */
export interface DraftLayout {
  /** ¶ number of the headline, if a paragraph is (nearly) the title. */
  headline?: number;
  /** ¶ number → why it looks like debris. */
  debris: ReadonlyMap<number, string>;
}

const widgetLabels = new Set(
  'clear|close|menu|search|share|print|email|e-mail|tweet|comment|comments|advertisement|advertising|sponsored|loading|subscribe|log in|login|sign in|sign up|register|home|next|previous|back|back to top|skip to content|read more|more|show more|load more|listen|play|watch|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit'.split(
    '|',
  ),
);
const months = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const time = String.raw`(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?`;
const dateline = new RegExp(
  String.raw`^(?:(?:published|updated|posted|last updated|date)(?:\s+on)?\s*:?\s*)?(?:\p{Lu}[\p{L}.' -]{1,30},\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:${months})\.?,?\s+\d{4}|(?:${months})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2})${time}$`,
  'iu',
);

/** Why a paragraph looks like debris rather than article text, or undefined. `publisher` helps recognise the site's name and tagline. */
export function debrisReason(text: string, publisher?: string): string | undefined {
  const words = text.split(/\s+/u).filter(Boolean);
  const sentence = /[.!?…"”]$/u.test(text);
  const lower = text.toLowerCase().replace(/[\s:.!|›»>]+$/u, '');
  if (widgetLabels.has(lower)) return 'a widget label';
  if (linkLabel.test(text) || /^(?:related (?:posts|articles|stories|news)|you may also like|more from .{1,40})$/iu.test(lower)) {
    return 'a link to other posts';
  }
  if (words.length <= 12 && (/\b\d{2,5}\s*[x×]\s*\d{2,5}\b/u.test(text) || /\S\.(?:jpe?g|png|gif|webp|svg|avif)\b/iu.test(text)))
    return 'an image size or file name';
  if (/^(?:photo|image|picture|credit|photograph|foto)s?(?:\s+credit)?\s*(?::|\/|©|by\b)/iu.test(text) || /^©/u.test(text)) return 'a photo credit';
  if (words.length <= 10 && !sentence && text.includes('/') && (newsAgencies.test(text) || /^[\p{Lu}][\p{Lu}\s.'-]+\//u.test(text))) return 'a photo credit';
  if (
    words.length <= 25 &&
    /^(?:share(?: this| on| via|:)?|subscribe|follow us|sign up|join our|get our newsletter|click here|tweet this|email this)\b/iu.test(text)
  )
    return 'a share or subscribe line';
  if (dateline.test(text.trim())) return 'a dateline';
  if (publisher && words.length <= 12 && !sentence && foldForMatching(text).includes(foldForMatching(publisher))) return "the site's name or tagline";
  if (words.length <= 2 && text.length <= 20 && !sentence && !/\p{Lu}/u.test(text)) return 'a short label, not a sentence';
  return undefined;
}

/** Text reduced to its letters and digits, folded: the headline as printed and as passed with --title compare equal. */
const headlineKey = (text: string) =>
  foldForMatching(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether a paragraph equals or nearly equals the title (a character or so in ten differing). */
export function isHeadline(text: string, title: string): boolean {
  const paragraph = headlineKey(text);
  const headline = headlineKey(title);
  return paragraph !== '' && (paragraph === headline || isNearMiss(paragraph, headline));
}

/** The draft's layout: the first paragraph that is (nearly) the title becomes the heading, wherever it stands; debris is suggested for the rest. */
export function draftLayout(paragraphs: readonly SourceParagraph[], title: string, publisher?: string): DraftLayout {
  const headline = paragraphs.find((paragraph) => isHeadline(paragraph.text, title))?.number;
  const debris = new Map<number, string>();
  for (const paragraph of paragraphs) {
    if (paragraph.number === headline) continue;
    const reason = debrisReason(paragraph.text, publisher);
    if (reason) debris.set(paragraph.number, reason);
  }
  return headline === undefined ? { debris } : { headline, debris };
}
