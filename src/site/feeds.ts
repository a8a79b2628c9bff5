/**
 * The site's Atom feeds, as pure functions of the model: the documents,
 * newest first, and the corrections, newest first. The XML is written by the
 * `feed` library; what goes in it is decided here. Every date comes from the
 * content (a document's publication, a correction's day), never from the
 * clock, so the same corpus gives the same feeds.
 */
import { Feed, type Item } from 'feed';
import { documentUnitKey, unitPage } from '../corpus/editorial.ts';
import type { CorrectionRecord } from '../corpus/schema.ts';
import { absoluteUrl, correctionsFeedPath, correctionsPath, documentPath, documentsFeedPath, homePath } from '../routes.ts';
import { sha256 } from '../text/hash.ts';
import { correctedPage, correctionView, newestFirst } from './corrections.ts';
import { formatAuthors, formatDate, plural } from './format.ts';
import type { DocumentSummary } from './page-model.ts';

/** What a feed says of the site that publishes it. */
export interface FeedSite {
  /** The public URL, base path included (SITE_URL). */
  url: string;
  name: string;
  description: string;
}

/**
 * Atom text constructs written by `feed` are `type="html"`: plain text must
 * be escaped once more, or a headline with `&` or `<` would be read as markup.
 */
function htmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

function day(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** The newest of the entries' dates; the epoch for a feed with none, so that an empty corpus still gives a valid feed. */
function newest(items: readonly Item[]): Date {
  return new Date(Math.max(0, ...items.map((item) => item.date.getTime())));
}

function atom(site: FeedSite, { title, subtitle, path, items }: { title: string; subtitle: string; path: string; items: Item[] }): string {
  const feed = new Feed({
    id: absoluteUrl(path, site.url),
    title,
    description: subtitle,
    link: absoluteUrl(homePath, site.url),
    feedLinks: { atom: absoluteUrl(path, site.url) },
    language: 'en',
    updated: newest(items),
    author: { name: site.name, link: absoluteUrl(homePath, site.url) },
    // The library's own URL would tie the bytes to its version.
    generator: false,
  });
  for (const item of items) feed.addItem(item);
  return `${feed.atom1()}\n`;
}

/**
 * A document's summary in its feed: outlet, date and authors, then what the
 * edition holds.
 */
export function documentFeedSummary(document: Pick<DocumentSummary, 'meta' | 'paragraphCount' | 'noteCount'>): string {
  const { meta } = document;
  const authors = formatAuthors(meta.authors);
  const byline = `${meta.publisher}, ${formatDate(meta.published)}${authors ? `, by ${authors}` : ''}.`;
  const edition = `The source text as received, ${plural(document.paragraphCount, 'paragraph')}, with ${plural(document.noteCount, 'editorial note')}.`;
  return `${byline} ${edition}`;
}

/**
 * The documents, newest first. An entry is updated when a correction to its
 * page is published, so that a reader following the feed sees it again.
 */
export function documentsFeed(documents: readonly DocumentSummary[], corrections: readonly CorrectionRecord[], site: FeedSite): string {
  const lastCorrected = new Map<string, string>();
  for (const record of corrections) {
    const page = unitPage(record.target);
    if (record.date > (lastCorrected.get(page) ?? '')) lastCorrected.set(page, record.date);
  }
  const items = [...documents]
    .sort((a, b) => b.meta.published.localeCompare(a.meta.published) || a.slug.localeCompare(b.slug))
    .map((document): Item => {
      const url = absoluteUrl(documentPath(document.slug), site.url);
      const corrected = lastCorrected.get(unitPage(documentUnitKey(document.slug, 'metadata')));
      const names = document.meta.authors.length > 0 ? document.meta.authors : [document.meta.publisher];
      return {
        id: url,
        link: url,
        title: htmlText(document.meta.title),
        published: day(document.meta.published),
        date: day(corrected && corrected > document.meta.published ? corrected : document.meta.published),
        description: htmlText(documentFeedSummary(document)),
        author: names.map((name) => ({ name })),
        category: [{ term: document.meta.publisher, name: document.meta.publisher }],
      };
    });
  return atom(site, {
    title: `${site.name}: documents`,
    subtitle: `${site.description} Newest first.`,
    path: documentsFeedPath,
    items,
  });
}

/** A correction's lasting id: its page of the corrections log, and a hash of the record, which never changes once published. */
export function correctionId(record: CorrectionRecord, siteUrl: string): string {
  const hash = sha256(JSON.stringify([record.date, record.target, record.replaces ?? null, record.what])).slice(0, 12);
  return `${absoluteUrl(correctionsPath, siteUrl)}#correction-${record.date}-${hash}`;
}

/**
 * The corrections, newest first: what changed and why, linked to the
 * corrected text on its page.
 */
export function correctionsFeed(corrections: readonly CorrectionRecord[], pageTitles: ReadonlyMap<string, string>, site: FeedSite): string {
  const items = newestFirst(corrections).map((record): Item => {
    const view = correctionView(record);
    const page = correctedPage(view);
    const title = `${view.verb}: ${pageTitles.get(page) ?? page}${view.part ? ` (${view.part})` : ''}`;
    const summary = 'why' in record ? `${record.what} Why: ${record.why}` : record.what;
    return {
      id: correctionId(record, site.url),
      link: absoluteUrl(view.path, site.url),
      title: htmlText(title),
      date: day(record.date),
      published: day(record.date),
      description: htmlText(summary),
    };
  });
  return atom(site, {
    title: `${site.name}: corrections`,
    subtitle: 'Every change to the editors’ published notes, glossary entries, comparisons, claims and document metadata, newest first.',
    path: correctionsFeedPath,
    items,
  });
}
