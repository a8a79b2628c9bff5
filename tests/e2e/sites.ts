/**
 * The sites the browser tests run against, each built by the real build
 * (`astro build` and the search index) into a folder of its own and served as
 * a static host serves it: under its base path, gzipped, with the 404 page for
 * unknown addresses.
 *
 *   node tests/e2e/sites.ts build [site…]               # default: the fixture sites
 *   node tests/e2e/sites.ts serve <site> [--build | --build-if-missing]
 *
 * Through npm (`npm run build:e2e`, `npm run preview:e2e -- fixture --build`)
 * so that the project's own Node runs it; playwright.config.ts starts one
 * server per site.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { basePath } from '../../src/config.ts';
import { headersFilePath, outputFile } from '../../src/routes.ts';
import { headersFor, parseHeadersFile } from '../../src/site/security-headers.ts';

export interface Site {
  name: string;
  /** The content folder (CORPUS_CONTENT) the site is built from. */
  content: string;
  /** The build's output folder. */
  outDir: string;
  /** Where the site is served, with its base path; for a fixture site also its public address (SITE_URL). */
  url: string;
  /**
   * A fixture site is built for the tests: at its served address, with an
   * Astro cache of its own. The published corpus is built as `npm run build`
   * builds it, with the project's SITE_URL, and only served here.
   */
  fixture: boolean;
  /**
   * Served as Netlify or Cloudflare Pages serve a site: with the response
   * headers of the build's `_headers` file (every matching rule's), which is
   * itself not served. Otherwise as a plain host (GitHub Pages) serves it.
   */
  headers: boolean;
  /** Settings of the build besides the site's address (src/config.ts). */
  env?: Readonly<Record<string, string>>;
}

const firstPort = Number(process.env.E2E_PORT ?? 4329);

export const sites = {
  /** The published corpus, as `npm run build` built it into dist/ (under SITE_URL's path, if it has one): the content smoke test. */
  corpus: { name: 'corpus', content: 'content', outDir: 'dist', url: `http://localhost:${firstPort}${basePath}`, fixture: false, headers: false },
  /** The fixture corpus (tests/fixtures/site): every behaviour test and gate. */
  fixture: { name: 'fixture', content: 'tests/fixtures/site', outDir: 'dist-e2e', url: `http://localhost:${firstPort + 1}/`, fixture: true, headers: false },
  /**
   * The fixture corpus served under a base path with the recommended headers,
   * its search index in a part for each document, as a large corpus has it:
   * the gates, publishing, and a reading, search and citation path.
   */
  'fixture-base': {
    name: 'fixture-base',
    content: 'tests/fixtures/site',
    outDir: 'dist-e2e-base',
    url: `http://localhost:${firstPort + 2}/corpus/`,
    fixture: true,
    headers: true,
    env: { SEARCH_DOCUMENTS_PER_INDEX: '1' },
  },
} as const satisfies Record<string, Site>;

export type SiteName = keyof typeof sites;

export function isSiteName(name: string): name is SiteName {
  return Object.hasOwn(sites, name);
}

/**
 * Builds a site with the real build: the same configuration, checks, search
 * index and exports as `npm run build`. A fixture site gets a cache folder of
 * its own (tests/integration/isolated-cache.config.mjs says why), so that it
 * never shares Astro's content store with a build of another corpus.
 */
export function buildSite(site: Site): void {
  const env: NodeJS.ProcessEnv = { ...process.env, ...site.env, CORPUS_CONTENT: site.content, ASTRO_TELEMETRY_DISABLED: '1' };
  const astroArgs = ['build', '--outDir', site.outDir];
  if (site.fixture) {
    env.SITE_URL = site.url;
    env.CORPUS_TEST_CACHE_DIR = `node_modules/.cache/e2e-sites/${site.name}`;
    astroArgs.push('--config', 'tests/integration/isolated-cache.config.mjs');
  }
  const astro = fileURLToPath(new URL('bin/astro.mjs', import.meta.resolve('astro/package.json')));
  for (const args of [
    [astro, ...astroArgs],
    ['scripts/search-index.ts', site.outDir],
  ]) {
    // The project's Node (this process's, when started through npm) runs both steps.
    const result = spawnSync(process.execPath, args, { env, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`building the ${site.name} site failed: node ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Text is sent gzipped, as static hosts send it; Pagefind's own files are compressed already. */
const compressible = /^(text\/|application\/(json|ld\+json|xml|javascript)|image\/svg)/u;

/**
 * A static file server for a built site: what a plain host (GitHub Pages,
 * an S3 bucket behind a CDN) does, with nothing of Astro's preview server, or,
 * for a site with `headers`, what Netlify or Cloudflare Pages do with the
 * build's `_headers` file. Responses are the same bytes every time, so byte
 * budgets are exact. Resolves with the server once it listens.
 */
export function serveSite(site: Pick<Site, 'outDir' | 'url' | 'headers'>): Promise<Server> {
  const root = resolve(site.outDir);
  const { port, pathname: base } = new URL(site.url);
  const headersFile = join(root, outputFile(headersFilePath));
  if (site.headers && !existsSync(headersFile)) throw new Error(`no ${headersFile}: the build writes it (src/integration/publishing.ts)`);
  const rules = site.headers ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : undefined;
  // Hosts keep the _headers file to themselves.
  const hidden = site.headers ? headersFile : undefined;

  function send(request: IncomingMessage, response: ServerResponse, status: number, file: string): void {
    if (!existsSync(file)) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = contentTypes[extname(file)] ?? 'application/octet-stream';
    let body = readFileSync(file);
    response.statusCode = status;
    response.setHeader('Content-Type', type);
    if (!rules) response.setHeader('Cache-Control', 'no-cache');
    if (compressible.test(type) && /\bgzip\b/u.test(request.headers['accept-encoding'] ?? '')) {
      body = gzipSync(body);
      response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Vary', 'Accept-Encoding');
    }
    response.setHeader('Content-Length', body.length);
    response.end(request.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', site.url);
    if (rules) for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) response.setHeader(name, value);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      path = '';
    }
    const notFound = join(root, '404.html');
    if (!path.startsWith(base)) return send(request, response, 404, notFound);
    const file = resolve(root, `.${path.slice(base.length - 1)}`);
    if ((file !== root && !file.startsWith(`${root}${sep}`)) || file === hidden) return send(request, response, 404, notFound);
    const stats = existsSync(file) ? statSync(file) : undefined;
    if (stats?.isFile()) return send(request, response, 200, file);
    if (stats?.isDirectory() && existsSync(join(file, 'index.html'))) {
      if (path.endsWith('/')) return send(request, response, 200, join(file, 'index.html'));
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    send(request, response, 404, notFound);
  });
  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(Number(port), 'localhost', () => resolveListening(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...rest] = process.argv.slice(2);
  const names = rest.filter((arg) => !arg.startsWith('--'));
  const unknown = names.filter((name) => !isSiteName(name));
  const usage = `usage: node tests/e2e/sites.ts build [site…] | serve <site> [--build | --build-if-missing]; sites: ${Object.keys(sites).join(', ')}`;
  try {
    if (unknown.length > 0) throw new Error(`no site named ${unknown.join(', ')}; ${usage}`);
    const chosen = (names as SiteName[]).map((name) => sites[name]);
    if (command === 'build') {
      for (const site of chosen.length > 0 ? chosen : [sites.fixture, sites['fixture-base']]) buildSite(site);
    } else if (command === 'serve' && chosen.length === 1 && chosen[0]) {
      const site = chosen[0];
      const missing = !existsSync(join(site.outDir, 'index.html'));
      if (rest.includes('--build') || (rest.includes('--build-if-missing') && missing)) buildSite(site);
      else if (missing) throw new Error(`no built site in ${site.outDir}/: pass --build, or build it first`);
      await serveSite(site);
      console.log(`[e2e] serving ${site.outDir}/ at ${site.url}${site.headers ? ' with the headers of its _headers' : ''}`);
    } else {
      throw new Error(usage);
    }
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
