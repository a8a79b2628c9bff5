/**
 * The front matter of a new page, from what the command line says about the
 * article: validated by the corpus schema, with the flag to fix named in
 * every message.
 */
import { stringify } from 'yaml';
import { documentSchema, slugPattern, type DocumentMeta } from '../corpus/schema.ts';
import { foldForMatching } from '../text/normalize.ts';

/** What the command line says about the article, before validation. */
export interface IngestOptions {
  title?: string;
  publisher?: string;
  authors?: string[];
  /** Publication date, YYYY-MM-DD. */
  date?: string;
  dateNote?: string;
  url?: string;
  receivedFrom?: string;
  language?: string;
  slug?: string;
}

/** The command-line flag that sets each front matter field, for messages. */
const flagOfField: Record<string, string> = {
  title: '--title',
  publisher: '--publisher',
  authors: '--author',
  published: '--date',
  dateNote: '--date-note',
  url: '--url',
  receivedFrom: '--received-from',
  language: '--language',
};

/** A URL slug from a headline: folded to ASCII, words joined by hyphens, cut at a word to at most `maxLength` characters. */
export function slugFromTitle(title: string, maxLength = 60): string {
  const words = foldForMatching(title)
    .replace(/['’]/gu, '')
    .split(/[^a-z0-9]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > maxLength && slug) break;
    slug = next;
  }
  return slug.slice(0, maxLength).replace(/-+$/u, '');
}

export type MetaResult = { ok: true; meta: DocumentMeta; slug: string; warnings: string[] } | { ok: false; errors: string[] };

/** A title longer than this is more likely a paragraph pasted by mistake than a headline. */
export const longTitle = 300;

/** A web address given without its scheme ("www.example.com/x"), or undefined. */
function schemeError(flag: string, value: string | undefined): string | undefined {
  // Only what looks like a host name and path: anything else gets the schema's message.
  if (value === undefined || !/^(?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]\S*)?$/u.test(value)) return undefined;
  const suggestion = /^\/\//u.test(value) ? `https:${value}` : `https://${value}`;
  return `${flag} "${value}" has no scheme: write the address in full, e.g. ${flag} ${suggestion}`;
}

/** Validates the command-line metadata and turns it into front matter, naming the flag to fix in every message. */
export function buildMeta(options: IngestOptions, sourceSha256: string): MetaResult {
  const given = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const missing = (['title', 'publisher', 'date'] as const).filter((key) => !given(options[key])).map((key) => `--${key}`);
  if (missing.length > 0) {
    return {
      ok: false,
      errors: [
        `missing ${missing.join(', ')}: the page's front matter requires the headline, the outlet and the publication date, e.g. --title "Headline as published" --publisher "Outlet" --date 2023-06-20`,
      ],
    };
  }
  const errors: string[] = [];
  const title = given(options.title) ?? '';
  const date = given(options.date) ?? '';
  for (const [flag, value] of [
    ['--url', given(options.url)],
    ['--received-from', given(options.receivedFrom)],
  ] as const) {
    const error = schemeError(flag, value);
    if (error) errors.push(error);
  }
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(date)) errors.push(`--date must be a date written YYYY-MM-DD, such as 2023-06-20 (got "${date}")`);
  const slug = given(options.slug) ?? slugFromTitle(title);
  if (!slug) errors.push(`cannot derive a URL slug from the title "${title}": pass one with --slug, e.g. --slug my-article`);
  else if (!slugPattern.test(slug))
    errors.push(`--slug "${slug}" must be lower-case letters, digits and single hyphens, such as "my-article": it becomes the page's permanent URL`);
  if (errors.length > 0) return { ok: false, errors };

  const candidate = {
    title,
    publisher: given(options.publisher),
    authors: (options.authors ?? []).map((author) => author.trim()).filter(Boolean),
    published: date,
    dateNote: given(options.dateNote),
    url: given(options.url),
    receivedFrom: given(options.receivedFrom),
    language: given(options.language) ?? 'en',
    source: `${slug}.txt`,
    sha256: sourceSha256,
  };
  const result = documentSchema.safeParse(Object.fromEntries(Object.entries(candidate).filter(([, value]) => value !== undefined)));
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? '');
        if (field === 'published') return `--date "${date}" is not a date of the calendar: write it YYYY-MM-DD, such as 2023-06-20`;
        return `${flagOfField[field] ?? field}: ${issue.message}`;
      }),
    };
  }
  const warnings =
    title.length > longTitle
      ? [
          `--title is ${title.length} characters long, more than a headline usually is (${longTitle}): check that it is the headline and not a paragraph; the slug was cut at a word to "${slug}"`,
        ]
      : [];
  return { ok: true, meta: result.data, slug, warnings };
}

/** Front matter in the field order of the README, omitting what is unknown. */
export function renderFrontmatter(meta: DocumentMeta): string {
  const ordered = {
    title: meta.title,
    publisher: meta.publisher,
    authors: meta.authors,
    published: meta.published,
    dateNote: meta.dateNote,
    url: meta.url,
    receivedFrom: meta.receivedFrom,
    language: meta.language,
    source: meta.source,
    sha256: meta.sha256,
    draft: meta.draft,
    review: meta.review,
  };
  const defined = Object.fromEntries(Object.entries(ordered).filter(([, value]) => value !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n`;
}
