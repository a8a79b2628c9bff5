import { describe, expect, it } from 'vitest';
import { escapeHeading, escapeInline, escapeLine, escapeParagraph } from '../../../src/ingest/mdx-escape.ts';

describe('escapeInline', () => {
  it('leaves ordinary punctuation readable', () => {
    expect(escapeInline('Mr. Ali (the man), 3,000 people: “no!” 50% & more')).toBe('Mr. Ali (the man), 3,000 people: “no!” 50% & more');
  });

  it('escapes every character that starts inline syntax, and an & only where it starts a character reference', () => {
    expect(escapeInline('a &amp; &x AT&T \\ ` * _ [ ] < { } | ~ #')).toBe('a \\&amp; &x AT&T \\\\ \\` \\* \\_ \\[ \\] \\< \\{ \\} \\| \\~ \\#');
  });
});

describe('escapeLine', () => {
  it('drops white space around the line and escapes a block marker at its start', () => {
    expect(escapeLine('  - x ', false)).toBe('\\- x');
  });

  it('escapes the punctuation of an ordered-list marker', () => {
    expect(escapeLine('1) x', false)).toBe('1\\) x');
  });

  it('writes the first letter of export or import as a character reference at the start of a paragraph only', () => {
    expect(escapeLine('export x', true)).toBe('&#101;xport x');
    expect(escapeLine('export x', false)).toBe('export x');
  });
});

describe('escapeParagraph', () => {
  it('keeps the line breaks, treating only the first line as the paragraph start', () => {
    expect(escapeParagraph(['import a', 'import b'])).toBe('&#105;mport a\nimport b');
  });
});

describe('escapeHeading', () => {
  it('writes a # heading on one line', () => {
    expect(escapeHeading([' a *b* ', ' c'])).toBe('# a \\*b\\* c');
  });
});
