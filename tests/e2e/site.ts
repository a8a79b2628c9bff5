import { test as base } from '@playwright/test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { contentDirs, contentRoot, type ContentDirs } from '../../src/config.ts';
import type { CorpusBuild } from '../../src/corpus/model.ts';
import { loadCorpus } from '../../src/node/load-corpus.ts';
import { absoluteUrl, basePathOf, withBase } from '../../src/routes.ts';
import { sites, type Site, type SiteName } from './sites.ts';

export { expect } from '@playwright/test';

/** The route path (`/documents/x/`, `/404.html`) of every HTML page of a built site. */
export function builtPages(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => `/${relative(outDir, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .map((path) => path.replace(/index\.html$/u, ''))
    .sort();
}

/**
 * The route paths of the fixture site's pages, for tests made one per page
 * when the spec is loaded. Both fixture builds have the same routes; only the
 * base path of their hrefs differs.
 */
export const fixturePages = builtPages(sites.fixture.outDir);

/** The content folders and files of a corpus in `content`, laid out as src/config.ts lays out the published one. */
export function contentDirsOf(content: string): ContentDirs {
  return Object.fromEntries(Object.entries(contentDirs).map(([key, path]) => [key, join(content, relative(contentRoot, path))])) as ContentDirs;
}

/** The fixture corpus's model, as the build made it, to check pages and exports against. */
export const fixtureCorpus: CorpusBuild = await loadCorpus(process.cwd(), contentDirsOf(sites.fixture.content));

/** The site a test runs against: where it is served, where it was built, and the addresses in its pages. */
export class SiteUnderTest {
  readonly name: SiteName;
  readonly url: string;
  readonly outDir: string;
  readonly content: ContentDirs;
  /** The path the site is served from: `/`, or `/corpus/`. */
  readonly base: string;

  constructor(site: Site) {
    this.name = site.name as SiteName;
    this.url = site.url;
    this.outDir = site.outDir;
    this.content = contentDirsOf(site.content);
    this.base = basePathOf(site.url);
  }

  /** The href of a route path in this site's pages (and the address to visit): `/corpus/documents/x/#p7`. */
  href(path: string): string {
    return withBase(path, this.base);
  }

  /** The permanent URL of a route path: what citations, canonical links and exports say. */
  permanentUrl(path: string): string {
    return absoluteUrl(path, this.url);
  }

  /** The route paths of every built HTML page. */
  pages(): string[] {
    return builtPages(this.outDir);
  }

  /** The built file that serves a route path. */
  file(path: string): string {
    return join(this.outDir, path.endsWith('/') ? `${path}index.html` : path);
  }

  html(path: string): string {
    return readFileSync(this.file(path), 'utf8');
  }
}

/**
 * `test` with the site under test: each project of playwright.config.ts
 * names its site (`use: { siteName }`) and sets baseURL to its address.
 */
export const test = base.extend<object, { siteName: SiteName; site: SiteUnderTest }>({
  siteName: ['fixture', { scope: 'worker', option: true }],
  site: [async ({ siteName }, use) => use(new SiteUnderTest(sites[siteName])), { scope: 'worker' }],
});
