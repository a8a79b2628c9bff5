import type { EntryType } from '../corpus/schema.ts';

const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2023-06-20` → `20 June 2023`. */
export function formatDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate}T00:00:00Z`));
}

export const entryTypeLabels: Record<EntryType, { singular: string; plural: string }> = {
  person: { singular: 'Person', plural: 'People' },
  organisation: { singular: 'Organisation', plural: 'Organisations' },
  institution: { singular: 'Institution', plural: 'Institutions' },
  place: { singular: 'Place', plural: 'Places' },
  event: { singular: 'Event', plural: 'Events' },
  agreement: { singular: 'Agreement', plural: 'Agreements' },
  publication: { singular: 'Publication', plural: 'Publications' },
};

/** `1 paragraph`, `24 paragraphs`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : pluralForm}`;
}

/** "Fjori Sinoruka", "A and B", or null when the source names no author. */
export function formatAuthors(authors: readonly string[]): string | null {
  if (authors.length === 0) return null;
  return new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(authors);
}
