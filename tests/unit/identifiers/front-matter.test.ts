import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withWikidata } from '../../../src/identifiers/front-matter.ts';
import { fixtures } from '../../support/recorded-wikimedia.ts';

const linked = readFileSync(join(fixtures, 'glossary', 'linked.md'), 'utf8');

/** The file's lines, with the one expected change made by hand. */
function linesWith(text: string, change: (lines: string[]) => void): string {
  const lines = text.split('\n');
  change(lines);
  return lines.join('\n');
}

describe('withWikidata', () => {
  it('inserts the line before wikipedia: and leaves every other byte as it was (comments, quotes, folded text, body)', () => {
    const expected = linesWith(linked, (lines) =>
      lines.splice(
        lines.findIndex((line) => line.startsWith('wikipedia:')),
        0,
        'wikidata: Q1001',
      ),
    );
    expect(withWikidata(linked, 'Q1001')).toEqual({ ok: true, text: expected });
  });

  it('replaces an existing wikidata line in place', () => {
    const text = readFileSync(join(fixtures, 'glossary', 'recorded.md'), 'utf8');
    expect(withWikidata(text, 'Q1001')).toEqual({ ok: true, text: text.replace('wikidata: Q9\n', 'wikidata: Q1001\n') });
  });

  it('appends the line at the end of the front matter when there is no wikipedia line', () => {
    const text = '---\nname: A\ntype: place\nsummary: S.\n---\n\nBody.\n';
    expect(withWikidata(text, 'Q5')).toEqual({ ok: true, text: '---\nname: A\ntype: place\nsummary: S.\nwikidata: Q5\n---\n\nBody.\n' });
  });

  it('keeps Windows line endings', () => {
    const text = '---\r\nname: A\r\nwikipedia: https://en.wikipedia.org/wiki/A\r\n---\r\n\r\nBody.\r\n';
    expect(withWikidata(text, 'Q5')).toEqual({
      ok: true,
      text: '---\r\nname: A\r\nwikidata: Q5\r\nwikipedia: https://en.wikipedia.org/wiki/A\r\n---\r\n\r\nBody.\r\n',
    });
  });

  it('does not take an indented wikidata key of a nested map for the entry’s own', () => {
    const text = '---\nname: A\nnested:\n  wikidata: Q1\n---\n';
    expect(withWikidata(text, 'Q5')).toEqual({ ok: true, text: '---\nname: A\nnested:\n  wikidata: Q1\nwikidata: Q5\n---\n' });
  });

  it('refuses, rather than guess, a wikidata value that spans several lines', () => {
    expect(withWikidata('---\nname: A\nwikidata:\n  Q1\n---\n', 'Q5')).toEqual({ ok: false, reason: 'its wikidata value spans several lines: set it by hand' });
  });

  it('replaces a wikidata line followed by a comment line', () => {
    expect(withWikidata('---\nname: A\nwikidata: Q1\n# checked by hand\n---\n', 'Q5')).toEqual({
      ok: true,
      text: '---\nname: A\nwikidata: Q5\n# checked by hand\n---\n',
    });
  });

  it('refuses a file without front matter', () => {
    expect(withWikidata('Just text.\n', 'Q5')).toEqual({ ok: false, reason: 'the file has no front matter' });
  });
});
