/** Measurements for the benchmark: process memory from /proc, sizes on disk, and what a browser fetches. */
import { chromium, type Page } from '@playwright/test';
import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { chromiumFlags, chromiumPath } from '../../tests/e2e/chromium.ts';

/** Resident memory of one process, in bytes (Linux /proc). */
function processRss(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+) kB/u.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop()!;
    total += processRss(current);
    pending.push(...(children.get(current) ?? []));
  }
  return total;
}

export function directorySize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** Text is compressed in transit as any production host does; Pagefind's own files are compressed already. */
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** A static server for a built site, on a free loopback port. */
export async function serve(dist: string): Promise<{ url: string; close: () => void }> {
  const server: Server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/u, '');
    let file = join(dist, path);
    if (path.endsWith('/')) file = join(file, 'index.html');
    try {
      statSync(file);
    } catch {
      response.statusCode = 404;
      response.end();
      return;
    }
    response.setHeader('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    if (compressible.has(extname(file)) && /\bgzip\b/u.test(request.headers['accept-encoding'] ?? '')) {
      response.setHeader('Content-Encoding', 'gzip');
      createReadStream(file).pipe(createGzip()).pipe(response);
    } else {
      createReadStream(file).pipe(response);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

export interface PageWeight {
  html: number;
  css: number;
  js: number;
}

/** A search through the search page, as a reader makes it: from loading `/search/?q=…` to the results shown. */
export interface SearchFigures {
  /** Bytes transferred (headers and encoded bodies) for everything the page fetched, from an empty cache. */
  bytes: number;
  ms: number;
  /** Results the page listed. */
  results: number;
}

export interface BrowserFigures {
  /** Bytes transferred by the search page loaded without a query, from an empty cache, once the network is idle. */
  searchPage: number;
  /** A word that occurs in one document only, and the most mentioned name. */
  rare: SearchFigures;
  common: SearchFigures;
  /** Gzipped bytes of what each kind of page loads before any interaction. */
  pages: Record<string, PageWeight>;
}

/** Counts the bytes transferred (headers and encoded bodies) for every response a page receives while `act` runs. */
async function fetched(page: Page, act: () => Promise<void>): Promise<number> {
  let bytes = 0;
  const count = async (response: import('@playwright/test').Response) => {
    await response.finished();
    const sizes = await response.request().sizes();
    bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  };
  const pending: Promise<void>[] = [];
  const listener = (response: import('@playwright/test').Response) => pending.push(count(response));
  page.on('response', listener);
  await act();
  page.off('response', listener);
  await Promise.all(pending);
  return bytes;
}

/**
 * The gzipped bytes a page loads before any interaction: its HTML, its
 * stylesheets, and its scripts with everything they import statically (not
 * what loads on demand, such as the citation library or the search index).
 */
export function pageWeight(dist: string, path: string): PageWeight {
  const file = (url: string) => join(dist, url.endsWith('/') ? `${url}index.html` : url);
  const gz = (url: string) => gzipSync(readFileSync(file(url))).length;
  const html = readFileSync(file(path), 'utf8');
  const css = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/gu)].reduce((sum, [, href = '']) => sum + gz(href), 0);
  const scripts = new Set<string>();
  const pending = [...html.matchAll(/<script[^>]* src="([^"]+)"/gu)].map(([, src = '']) => src);
  while (pending.length > 0) {
    const src = pending.pop()!;
    if (scripts.has(src)) continue;
    scripts.add(src);
    const code = readFileSync(file(src), 'utf8');
    for (const [, imported = ''] of code.matchAll(/(?:^|[;\s}])import\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/gu))
      pending.push(new URL(imported, `http://x${src}`).pathname);
  }
  return { html: gzipSync(html).length, css, js: [...scripts].reduce((sum, src) => sum + gz(src), 0) };
}

export async function measureInBrowser(dist: string, queries: { rare: string; common: string }, samplePages: Record<string, string>): Promise<BrowserFigures> {
  const server = await serve(dist);
  const browser = await chromium.launch(chromiumPath ? { executablePath: chromiumPath, args: chromiumFlags } : {});
  // Each measurement in a context of its own: an empty cache, as a first visit.
  const freshPage = async () => (await browser.newContext()).newPage();
  try {
    const pages = Object.fromEntries(Object.entries(samplePages).map(([kind, path]) => [kind, pageWeight(dist, path)]));
    const emptyPage = await freshPage();
    const searchPage = await fetched(emptyPage, async () => void (await emptyPage.goto(`${server.url}/search/`, { waitUntil: 'networkidle' })));
    const search = async (query: string): Promise<SearchFigures> => {
      const page = await freshPage();
      let ms = 0;
      const bytes = await fetched(page, async () => {
        const started = performance.now();
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
        await page
          .locator('#search-status')
          .filter({ hasText: /for “|No results/u })
          .waitFor({ timeout: 120_000 });
        await page.locator('#search-results:not([aria-busy])').waitFor({ state: 'attached' });
        ms = performance.now() - started;
      });
      const results = await page.locator('#search-results > li').count();
      return { bytes, ms, results };
    };
    const rare = await search(queries.rare);
    const common = await search(queries.common);
    return { searchPage, rare, common, pages };
  } finally {
    await browser.close();
    server.close();
  }
}
