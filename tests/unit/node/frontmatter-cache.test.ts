import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { type FrontmatterMemo, parseFrontmatter } from '../../../src/corpus/frontmatter.ts';
import { entrySchema } from '../../../src/corpus/schema.ts';
import { type FrontmatterCache, openFrontmatterCache } from '../../../src/node/frontmatter-cache.ts';
import { temporaryFolder } from './support/temporary-folder.ts';

const entry = (name: string) => `---\nname: ${name}\ntype: person\naliases:\n  - ${name.split(' ')[0]}\nsummary: A person.\n---\n\nA body.\n`;

/** Parses an entry's front matter with a memo, as the check does. */
const parseEntry = (name: string, memo: FrontmatterMemo, path = 'a.md') => parseFrontmatter(entry(name), path, entrySchema, { memo, name: 'entry' });

/** The file a check that parsed two entries leaves, Bledi Cuci's (a.md) and Ervin Hoxha's (b.md). */
function cacheOfTwo(): string {
  const file = join(temporaryFolder('frontmatter-cache-'), 'front.bin');
  const first = openFrontmatterCache({ file, clean: false });
  parseEntry('Bledi Cuci', first);
  parseEntry('Ervin Hoxha', first, 'b.md');
  first.finish();
  return file;
}

/** A cache that counts what it was asked and given. */
function counting(memo: FrontmatterCache): FrontmatterCache & { hits: number; sets: number } {
  const counted = {
    finish: () => memo.finish(),
    hits: 0,
    sets: 0,
    get: (schema: string, yaml: string) => {
      const value = memo.get(schema, yaml);
      if (value !== undefined) counted.hits += 1;
      return value;
    },
    set: (schema: string, yaml: string, data: unknown) => {
      counted.sets += 1;
      memo.set(schema, yaml, data);
    },
  };
  return counted;
}

describe('openFrontmatterCache', () => {
  it("gives a later check the front matter the last one parsed, the same data, with each field's line found when asked", () => {
    const file = join(temporaryFolder('frontmatter-cache-'), 'cache', 'front.bin');
    const first = openFrontmatterCache({ file, clean: false });
    const parsed = parseEntry('Bledi Cuci', first, 'glossary/bledi-cuci.md');
    first.finish();

    const second = counting(openFrontmatterCache({ file, clean: false }));
    const reused = parseEntry('Bledi Cuci', second, 'glossary/bledi-cuci.md');
    expect(second.hits).toBe(1);
    expect(second.sets).toBe(0);
    if (!parsed.ok || !reused.ok) throw new Error('both parse');
    expect(reused.data).toEqual(parsed.data);
    expect(reused.lineOf(['aliases', 0])).toBe(parsed.lineOf(['aliases', 0]));
    expect(reused.lineOf(['summary'])).toBe(6);
  });

  it('parses again front matter whose text changed, or under another schema, and keeps only what the last check used', () => {
    const file = cacheOfTwo();

    const second = counting(openFrontmatterCache({ file, clean: false }));
    const renamed = parseEntry('Bledi Çuçi', second);
    expect(renamed.ok && renamed.data.name).toBe('Bledi Çuçi');
    expect(second.get('claim', `name: Ervin Hoxha\ntype: person\naliases:\n  - Ervin\nsummary: A person.`)).toBeUndefined();
    expect([second.hits, second.sets]).toEqual([0, 1]);
    second.finish();

    // The second check did not use Ervin Hoxha's: the third parses it again.
    const third = counting(openFrontmatterCache({ file, clean: false }));
    parseEntry('Ervin Hoxha', third, 'b.md');
    parseEntry('Bledi Çuçi', third);
    expect([third.hits, third.sets]).toEqual([1, 1]);
  });

  it('never keeps front matter with problems: each check reports them', () => {
    const file = join(temporaryFolder('frontmatter-cache-'), 'front.bin');
    const text = '---\nname: Bledi Cuci\ntype: minister\n---\n';
    for (let check = 0; check < 2; check++) {
      const cache = counting(openFrontmatterCache({ file, clean: false }));
      const result = parseFrontmatter(text, 'a.md', entrySchema, { memo: cache, name: 'entry' });
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.problems.map(({ line }) => line)).toContain(3);
      expect([cache.hits, cache.sets]).toEqual([0, 0]);
      cache.finish();
    }
  });

  it('gives a copy each time, which the caller may change', () => {
    const file = join(temporaryFolder('frontmatter-cache-'), 'front.bin');
    const first = openFrontmatterCache({ file, clean: false });
    const parsed = parseEntry('Bledi Cuci', first);
    if (parsed.ok) parsed.data.aliases.push('changed after the parse');
    const again = parseEntry('Bledi Cuci', first);
    if (again.ok) again.data.aliases.push('changed after the reuse');
    first.finish();
    const later = parseEntry('Bledi Cuci', openFrontmatterCache({ file, clean: false }));
    expect(later.ok && later.data.aliases).toEqual(['Bledi']);
  });

  it('reuses nothing written by other code or another Node, and parses again a value it cannot read back', () => {
    const file = cacheOfTwo();
    const stored = deserialize(readFileSync(file)) as { version: string; parsed: Map<string, Uint8Array> };

    writeFileSync(file, serialize({ ...stored, version: `${stored.version} of another Node` }));
    const other = counting(openFrontmatterCache({ file, clean: false }));
    parseEntry('Bledi Cuci', other);
    expect([other.hits, other.sets]).toEqual([0, 1]);

    // One value damaged, the other as it was.
    const [damaged] = stored.parsed.keys();
    writeFileSync(
      file,
      serialize({ ...stored, parsed: new Map([...stored.parsed].map(([key, bytes]) => [key, key === damaged ? Buffer.from('damaged') : bytes])) }),
    );
    const read = counting(openFrontmatterCache({ file, clean: false }));
    const results = ['Bledi Cuci', 'Ervin Hoxha'].map((name) => parseEntry(name, read));
    expect(results.map((result) => result.ok && result.data.name)).toEqual(['Bledi Cuci', 'Ervin Hoxha']);
    expect([read.hits, read.sets]).toEqual([1, 1]);
  });

  it('reuses nothing when asked to clean, or from a file it cannot read', () => {
    const file = join(temporaryFolder('frontmatter-cache-'), 'front.bin');
    const first = openFrontmatterCache({ file, clean: false });
    parseEntry('Bledi Cuci', first);
    first.finish();
    const clean = counting(openFrontmatterCache({ file, clean: true }));
    parseEntry('Bledi Cuci', clean);
    expect([clean.hits, clean.sets]).toEqual([0, 1]);

    writeFileSync(file, 'not what a check writes');
    const unreadable = counting(openFrontmatterCache({ file, clean: false }));
    const result = parseEntry('Bledi Cuci', unreadable);
    expect(result.ok).toBe(true);
    expect([unreadable.hits, unreadable.sets]).toEqual([0, 1]);
  });
});
