import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  basePathOf,
  entryMentionsPath,
  isDocumentPath,
  outputFile,
  paragraphAnchor,
  paragraphPath,
  withBase,
  withoutBase,
} from '../../src/routes.ts';

describe('paragraphPath', () => {
  it('derives the permanent URL from the document slug and ¶ number', () => {
    expect(paragraphAnchor(7)).toBe('p7');
    expect(paragraphPath('my-article', 7)).toBe('/documents/my-article/#p7');
  });
});

describe('entryMentionsPath', () => {
  it('puts the first page of mentions on the entry page itself', () => {
    expect(entryMentionsPath('mek', 1)).toBe('/glossary/mek/');
  });

  it('gives every later page a path of its own under the entry', () => {
    expect(entryMentionsPath('mek', 2)).toBe('/glossary/mek/mentions/2/');
    expect(entryMentionsPath('mek', 12)).toBe('/glossary/mek/mentions/12/');
  });
});

describe('isDocumentPath', () => {
  it('recognises a document page and a paragraph in one', () => {
    expect(isDocumentPath('/documents/my-article/')).toBe(true);
    expect(isDocumentPath('/documents/my-article/#p7')).toBe(true);
  });

  it('refuses other pages, and hrefs under a base path, which are not route paths', () => {
    expect(isDocumentPath('/glossary/mek/')).toBe(false);
    expect(isDocumentPath('/sources/my-article.txt')).toBe(false);
    expect(isDocumentPath('/corpus/documents/my-article/')).toBe(false);
  });
});

describe('outputFile', () => {
  it('gives the file of a route relative to the built site', () => {
    expect(outputFile('/corpus/my-article.json')).toBe('corpus/my-article.json');
    expect(outputFile('/annotations.jsonld')).toBe('annotations.jsonld');
  });
});

describe('basePathOf', () => {
  it('is / for a site served from the root of its host', () => {
    expect(basePathOf('http://localhost:4321')).toBe('/');
    expect(basePathOf('https://example.org/')).toBe('/');
  });

  it('is the path of the site URL, with a slash at both ends', () => {
    expect(basePathOf('https://example.org/corpus')).toBe('/corpus/');
    expect(basePathOf('https://example.org/corpus/')).toBe('/corpus/');
    expect(basePathOf('https://example.org/projects/corpus//')).toBe('/projects/corpus/');
  });
});

describe('withBase', () => {
  it('leaves a route path as it is on a site served from the root', () => {
    expect(withBase('/documents/my-article/#p7', '/')).toBe('/documents/my-article/#p7');
  });

  it('puts a route path under the base path, with or without its last slash', () => {
    expect(withBase('/documents/my-article/#p7', '/corpus/')).toBe('/corpus/documents/my-article/#p7');
    expect(withBase('/documents/my-article/#p7', '/corpus')).toBe('/corpus/documents/my-article/#p7');
    expect(withBase('/', '/corpus/')).toBe('/corpus/');
  });
});

describe('withoutBase', () => {
  it('takes the base path off an href', () => {
    expect(withoutBase('/corpus/glossary/mek/', '/corpus/')).toBe('/glossary/mek/');
  });

  it('leaves an href outside the base path, and every href on a site served from the root', () => {
    expect(withoutBase('/corpusx/glossary/mek/', '/corpus/')).toBe('/corpusx/glossary/mek/');
    expect(withoutBase('/glossary/mek/', '/')).toBe('/glossary/mek/');
  });

  it('undoes withBase', () => {
    for (const base of ['/', '/corpus/', '/projects/corpus/']) {
      for (const path of ['/', '/documents/my-article/#p7', '/glossary/mek/mentions/2/', '/sources/my-article.txt']) {
        expect(withoutBase(withBase(path, base), base)).toBe(path);
      }
    }
  });
});

describe('absoluteUrl', () => {
  it('joins the site URL, base path included, and the route path', () => {
    expect(absoluteUrl('/documents/my-article/#p7', 'https://example.org')).toBe('https://example.org/documents/my-article/#p7');
    expect(absoluteUrl('/documents/my-article/#p7', 'https://example.org/corpus/')).toBe('https://example.org/corpus/documents/my-article/#p7');
  });
});
