/**
 * Writes a synthetic corpus of N documents with the shape of real ones, for
 * the benchmark: sources of 15 to 40 paragraphs, a glossary of about N/2
 * entries with aliases, about one mention in every ten words, notes on a
 * fifth of paragraphs, and a claim for every fifth document, quoted from its
 * second paragraph, each answering the one before; dates for events and
 * agreements and coordinates for places, for the views. Seeded, so that two
 * runs build the same corpus.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../../src/text/hash.ts';

export interface SyntheticCorpus {
  documents: number;
  entries: number;
  paragraphs: number;
  words: number;
  mentions: number;
  notes: number;
  claims: number;
  /** What the benchmark searches for: a word that occurs in exactly one document, and the most mentioned entry's name. */
  queries: { rare: string; common: string };
}

/** mulberry32: small, fast and good enough to shape test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const syllables = ['ka', 'lo', 'mi', 'ran', 'tes', 'vo', 'dur', 'ne', 'sha', 'pel', 'gri', 'ont', 'ba', 'zu', 'fer', 'lin', 'qua', 'ris', 'tam', 'eld'];
const functionWords = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'that',
  'was',
  'said',
  'on',
  'for',
  'with',
  'as',
  'by',
  'its',
  'from',
  'at',
  'had',
  'were',
  'which',
  'after',
];
/** Letters that none of the syllables has: a word made of them occurs nowhere else. */
const rareWord = 'wyxcojwy';
const types = ['person', 'organisation', 'institution', 'place', 'event', 'agreement', 'publication'] as const;

function word(next: () => number, parts: number): string {
  return Array.from({ length: parts }, () => syllables[Math.floor(next() * syllables.length)]).join('');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function generateCorpus(dir: string, documentCount: number, seed = 20231): Promise<SyntheticCorpus> {
  const next = random(seed + documentCount);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = (low: number, high: number) => low + Math.floor(next() * (high - low + 1));
  const vocabulary = Array.from({ length: 3000 }, () => word(next, between(1, 3)));
  for (const sub of ['corpus', 'glossary', 'sources', 'claims']) await mkdir(join(dir, sub), { recursive: true });

  const entryCount = Math.max(2, Math.round(documentCount / 2));
  const entries = Array.from({ length: entryCount }, (_, index) => {
    const name = `${capitalise(word(next, 2))} ${capitalise(word(next, 3))}`;
    const acronym =
      name
        .split(' ')
        .map((part) => part.charAt(0))
        .join('') + String(index);
    return { id: `entry-${index + 1}`, name, aliases: [acronym, name.split(' ')[1] ?? name], type: pick(types) };
  });
  // Dates for events and agreements and coordinates for places, for the views, from a stream of their own so that the rest of the corpus stays as it was.
  const nextForViews = random(seed * 7 + documentCount);
  const viewFields = (type: (typeof types)[number]): string => {
    const within = (low: number, high: number) => low + nextForViews() * (high - low);
    const day = () =>
      `${Math.floor(within(1950, 2025))}-${String(1 + Math.floor(within(0, 12))).padStart(2, '0')}-${String(1 + Math.floor(within(0, 28))).padStart(2, '0')}`;
    if (type === 'event' || type === 'agreement') {
      const [start, end] = [day(), day()].sort();
      const ranged = nextForViews() < 0.2;
      const differ = nextForViews() < 0.1;
      return `when:\n  start: ${start}\n${ranged ? `  end: ${end}\n` : ''}${differ ? '  note: The sources give different dates.\n' : ''}`;
    }
    if (type !== 'place') return '';
    // Most places cluster in one region, some lie in the wider region around it, a few far away.
    const where = nextForViews();
    const [lat, lon] =
      where < 0.85 ? [within(39.5, 43), within(18.5, 21.5)] : where < 0.97 ? [within(28, 48), within(5, 60)] : [within(30, 45), within(-120, -75)];
    return `coordinates:\n  lat: ${lat.toFixed(4)}\n  lon: ${lon.toFixed(4)}\n  source: the benchmark's generator\n`;
  };
  for (const entry of entries) {
    await writeFile(
      join(dir, 'glossary', `${entry.id}.md`),
      `---\nname: ${entry.name}\ntype: ${entry.type}\naliases:\n${entry.aliases.map((alias) => `  - ${alias}`).join('\n')}\nsummary: A synthetic ${entry.type} of the benchmark corpus, named ${entry.name}.\n${viewFields(entry.type)}---\n\n${entry.name} is described here in two sentences. The description cites its sources.[^1]\n\n[^1]: A source for the description.\n`,
    );
  }

  // Zipf-like popularity: a few entries are everywhere, most are rare.
  const popularity = entries.map((_, index) => 1 / (index + 1));
  const total = popularity.reduce((sum, weight) => sum + weight, 0);
  const cumulative = popularity.map(
    (
      (sum) => (weight: number) =>
        (sum += weight / total)
    )(0),
  );
  // The last two entries are kept out of the running text and mentioned once each, by name.
  const drawable = entries.length - 2;
  const drawEntry = () => {
    const target = next() * (cumulative[drawable - 1] ?? 1);
    let low = 0;
    let high = drawable - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((cumulative[middle] ?? 1) < target) low = middle + 1;
      else high = middle;
    }
    return entries[low] ?? entries[0]!;
  };
  const rare = [entries[entries.length - 2]!, entries[entries.length - 1]!] as const;

  let paragraphs = 0;
  let words = 0;
  let mentions = 0;
  let notes = 0;
  let claims = 0;
  const claimants = entries.filter((entry) => ['person', 'organisation', 'institution', 'publication'].includes(entry.type));
  for (let index = 1; index <= documentCount; index += 1) {
    const slug = `document-${index}`;
    const title = `${capitalise(word(next, 2))} report ${index} on ${pick(vocabulary)} ${pick(vocabulary)}`;
    const sourceParagraphs = [title];
    const pageParagraphs = [`# ${title}`];
    const definitions: string[] = [];
    const count = between(15, 40);
    for (let number = 2; number <= count; number += 1) {
      const length = between(25, 110);
      const source: string[] = [];
      const page: string[] = [];
      for (let position = 0; position < length; position += 1) {
        if (next() < 0.1) {
          const entry = drawEntry();
          const surface = next() < 0.7 ? entry.name : pick(entry.aliases);
          source.push(surface);
          page.push(`<Mention entry="${entry.id}">${surface}</Mention>`);
          mentions += 1;
        } else {
          const text = next() < 0.35 ? pick(functionWords) : pick(vocabulary);
          source.push(text);
          page.push(text);
        }
      }
      if (index <= 2 && number === 2) {
        const entry = rare[index - 1]!;
        source.push('with', entry.name);
        page.push('with', `<Mention entry="${entry.id}">${entry.name}</Mention>`);
        mentions += 1;
        if (index === 1) {
          source.push('and', rareWord);
          page.push('and', rareWord);
        }
      }
      words += source.length;
      let pageText = `${capitalise(page.join(' '))}.`;
      if (next() < 0.2) {
        notes += 1;
        pageText += `[^n${number}]`;
        definitions.push(`[^n${number}]: An editorial note on ¶ ${number}: it explains, corrects or dates what the paragraph says.`);
      }
      sourceParagraphs.push(`${capitalise(source.join(' '))}.`);
      pageParagraphs.push(pageText);
    }
    paragraphs += count;
    const sourceText = `${sourceParagraphs.join('\n\n')}\n`;
    await writeFile(join(dir, 'sources', `${slug}.txt`), sourceText);
    const frontMatter = [
      '---',
      `title: ${title}`,
      `publisher: ${pick(['The Daily Ledger', 'Evening Courier', 'Balkan Wire', 'Harbour Times'])}`,
      `authors: [${capitalise(word(next, 2))} ${capitalise(word(next, 3))}]`,
      `published: 20${between(10, 24)}-0${between(1, 9)}-1${between(0, 9)}`,
      'language: en',
      `source: ${slug}.txt`,
      `sha256: ${sha256(sourceText)}`,
      '---',
    ].join('\n');
    await writeFile(join(dir, 'corpus', `${slug}.mdx`), `${frontMatter}\n\n${pageParagraphs.join('\n\n')}\n\n${definitions.join('\n\n')}\n`);
    if (index % 5 === 0 && claimants.length > 0) {
      claims += 1;
      const quote = (sourceParagraphs[1] ?? '').split(' ').slice(0, 6).join(' ');
      const responses =
        claims > 1 ? `responses:\n  - claim: claim-${claims - 1}\n    relation: ${pick(['denies', 'contradicts', 'qualifies', 'supports'])}\n` : '';
      await writeFile(
        join(dir, 'claims', `claim-${claims}.md`),
        `---\nstatement: A synthetic claim of document ${index}.\nclaimant: ${pick(claimants).id}\ndate: 2023-06-20\nstatus:\n  kind: ${pick(['unverified', 'disputed', 'corroborated'])}\n  label: What the evidence shows, and whose it is.\nappearances:\n  - document: ${slug}\n    paragraph: 2\n    quote: ${JSON.stringify(quote)}\n${responses}---\n\nNotes on the claim, with a source.[^1]\n\n[^1]: A source.\n`,
      );
    }
  }
  return {
    documents: documentCount,
    entries: entries.length,
    paragraphs,
    words,
    mentions,
    notes,
    claims,
    queries: { rare: rareWord, common: entries[0]!.name },
  };
}
