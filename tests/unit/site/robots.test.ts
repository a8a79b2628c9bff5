import robotsParser from 'robots-parser';
import { describe, expect, it } from 'vitest';
import { robotsTxt } from '../../../src/site/robots.ts';

describe('robots.txt', () => {
  it('lets every crawler read every page and names the sitemap under the base path', () => {
    const text = robotsTxt('https://example.org/corpus/');
    expect(text).toBe('User-agent: *\nAllow: /\n\nSitemap: https://example.org/corpus/sitemap-index.xml\n');
    const robots = robotsParser('https://example.org/robots.txt', text);
    expect(robots.getSitemaps()).toEqual(['https://example.org/corpus/sitemap-index.xml']);
    expect(robots.isAllowed('https://example.org/corpus/documents/x/', 'Googlebot')).toBe(true);
  });
});
