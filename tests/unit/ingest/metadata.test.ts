import { describe, expect, it } from 'vitest';
import { buildMeta, renderFrontmatter, slugFromTitle } from '../../../src/ingest/metadata.ts';

const hash = 'a'.repeat(64);

describe('slugFromTitle', () => {
  it('joins the words of the title, in lower case, with hyphens', () => {
    expect(slugFromTitle('MEK has not respected the 2014 agreement, Albania Says')).toBe('mek-has-not-respected-the-2014-agreement-albania-says');
  });

  it('folds diacritics to ASCII and drops apostrophes and punctuation', () => {
    expect(slugFromTitle('Çuçi’s “answer”: no!')).toBe('cucis-answer-no');
  });

  it('cuts a long title at a word, to at most 60 characters', () => {
    expect(slugFromTitle('word '.repeat(30))).toBe('word-word-word-word-word-word-word-word-word-word-word-word');
  });
});

describe('buildMeta', () => {
  it('turns the options into front matter, trimmed, with the source named after the slug', () => {
    const options = {
      title: ' Çuçi’s “answer”: no! ',
      publisher: ' Test Wire ',
      authors: [' Ana ', ''],
      date: '2023-06-20',
      url: 'https://example.org/a',
      dateNote: 'From the URL.',
    };
    expect(buildMeta(options, hash)).toEqual({
      ok: true,
      slug: 'cucis-answer-no',
      meta: {
        title: 'Çuçi’s “answer”: no!',
        publisher: 'Test Wire',
        authors: ['Ana'],
        published: '2023-06-20',
        dateNote: 'From the URL.',
        url: 'https://example.org/a',
        language: 'en',
        source: 'cucis-answer-no.txt',
        sha256: hash,
      },
      warnings: [],
    });
  });

  it('suggests https:// for a web address given without its scheme', () => {
    expect(buildMeta({ title: 'T', publisher: 'P', date: '2023-06-20', url: 'www.example.com/x', receivedFrom: '//example.org/y' }, hash)).toEqual({
      ok: false,
      errors: [
        '--url "www.example.com/x" has no scheme: write the address in full, e.g. --url https://www.example.com/x',
        '--received-from "//example.org/y" has no scheme: write the address in full, e.g. --received-from https://example.org/y',
      ],
    });
  });

  it('warns about a title over 300 characters, and cuts its slug at a word', () => {
    const title = `${'Police raid the camp and '.repeat(13)}more`;
    const result = buildMeta({ title, publisher: 'P', date: '2023-06-20' }, hash);
    expect(result.ok && { slug: result.slug, warnings: result.warnings }).toEqual({
      slug: 'police-raid-the-camp-and-police-raid-the-camp-and-police',
      warnings: [
        `--title is 329 characters long, more than a headline usually is (300): check that it is the headline and not a paragraph; the slug was cut at a word to "police-raid-the-camp-and-police-raid-the-camp-and-police"`,
      ],
    });
  });

  it('names every missing required flag at once', () => {
    expect(buildMeta({ title: ' ' }, hash)).toEqual({
      ok: false,
      errors: [
        'missing --title, --publisher, --date: the page\'s front matter requires the headline, the outlet and the publication date, e.g. --title "Headline as published" --publisher "Outlet" --date 2023-06-20',
      ],
    });
  });

  it('names the flag of each invalid field', () => {
    expect(buildMeta({ title: 'T', publisher: 'P', date: '2023-06-20', url: 'not a url', language: 'English' }, hash)).toEqual({
      ok: false,
      errors: ['--url: Invalid URL', '--language: a BCP 47 language tag such as "en"'],
    });
  });

  it('refuses a day that does not exist', () => {
    expect(buildMeta({ title: 'T', publisher: 'P', date: '2023-02-30' }, hash)).toEqual({
      ok: false,
      errors: ['--date "2023-02-30" is not a date of the calendar: write it YYYY-MM-DD, such as 2023-06-20'],
    });
  });

  it('refuses a date not written YYYY-MM-DD and a slug that is not a slug, both at once', () => {
    expect(buildMeta({ title: 'T', publisher: 'P', date: '20/06/2023', slug: 'My Article' }, hash)).toEqual({
      ok: false,
      errors: [
        '--date must be a date written YYYY-MM-DD, such as 2023-06-20 (got "20/06/2023")',
        '--slug "My Article" must be lower-case letters, digits and single hyphens, such as "my-article": it becomes the page\'s permanent URL',
      ],
    });
  });

  it('asks for --slug when the title gives none', () => {
    expect(buildMeta({ title: '¿¡', publisher: 'P', date: '2023-06-20' }, hash)).toEqual({
      ok: false,
      errors: ['cannot derive a URL slug from the title "¿¡": pass one with --slug, e.g. --slug my-article'],
    });
  });
});

describe('renderFrontmatter', () => {
  it('writes the fields in the order of the README, omitting what is unknown', () => {
    const meta = {
      title: 'Çuçi’s “answer”: no!',
      publisher: 'Test Wire',
      authors: ['Ana'],
      published: '2023-06-20',
      url: 'https://example.org/a',
      language: 'en',
      source: 'a.txt',
      sha256: hash,
    };
    expect(renderFrontmatter(meta)).toBe(
      [
        '---',
        'title: "Çuçi’s “answer”: no!"',
        'publisher: Test Wire',
        'authors:',
        '  - Ana',
        'published: 2023-06-20',
        'url: https://example.org/a',
        'language: en',
        'source: a.txt',
        `sha256: ${hash}`,
        '---',
        '',
      ].join('\n'),
    );
  });
});
