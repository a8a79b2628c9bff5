/**
 * A built site served as Netlify or Cloudflare Pages serve it: under its base
 * path, with the headers of its `_headers` file (every matching rule's),
 * gzip for text, the 404 page for unknown addresses, a redirect to the
 * trailing slash for folders, and `_headers` itself not served.
 *
 *   node tests/e2e/static-host.ts <site> [--build]     # a site of tests/e2e/sites.ts
 *
 * Through npm (`npx node …`), so that the project's own Node runs it;
 * tests/e2e/publishing.config.ts starts it for the publishing tests and the gates.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFilePath, outputFile } from '../../src/routes.ts';
import { headersFor, parseHeadersFile } from '../../src/site/security-headers.ts';
import { buildSite, isSiteName, type Site, sites } from './sites.ts';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const compressible = /^(text\/|application\/(json|ld\+json|xml)|image\/svg)/u;

/** Serves `site.outDir` at `site.url`, with the headers its `_headers` file names. Resolves once listening. */
export function serveWithHeaders(site: Pick<Site, 'outDir' | 'url'>): Promise<Server> {
  const root = resolve(site.outDir);
  const headersFile = join(root, outputFile(headersFilePath));
  if (!existsSync(headersFile)) throw new Error(`no ${headersFile}: the build writes it (src/integration/publishing.ts)`);
  const rules = parseHeadersFile(readFileSync(headersFile, 'utf8'));
  const { port, pathname: base } = new URL(site.url);

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', site.url);
    for (const [name, value] of Object.entries(headersFor(rules, url.pathname))) response.setHeader(name, value);
    const send = (status: number, file: string) => {
      const type = contentTypes[extname(file)] ?? 'application/octet-stream';
      let body = readFileSync(file);
      if (compressible.test(type) && /\bgzip\b/u.test(request.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body);
        response.setHeader('Content-Encoding', 'gzip');
      }
      response.writeHead(status, { 'Content-Type': type, 'Content-Length': body.length });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const notFound = () => send(404, join(root, '404.html'));
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return notFound();
    }
    if (!path.startsWith(base) || path === withBaseFile(base)) return notFound();
    const file = resolve(root, `.${path.slice(base.length - 1)}`);
    if (file !== root && !file.startsWith(`${root}${sep}`)) return notFound();
    const stats = existsSync(file) ? statSync(file) : undefined;
    if (stats?.isFile()) return send(200, file);
    if (stats?.isDirectory() && existsSync(join(file, 'index.html'))) {
      if (path.endsWith('/')) return send(200, join(file, 'index.html'));
      response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    notFound();
  });
  return new Promise((resolveListening, reject) => {
    server.once('error', reject);
    server.listen(Number(port), 'localhost', () => resolveListening(server));
  });
}

/** The address `_headers` would have if it were served: hosts keep it to themselves. */
function withBaseFile(base: string): string {
  return `${base.replace(/\/+$/u, '')}${headersFilePath}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [name = '', ...flags] = process.argv.slice(2);
  try {
    if (!isSiteName(name)) throw new Error(`usage: node tests/e2e/static-host.ts <${Object.keys(sites).join('|')}> [--build]`);
    const site = sites[name];
    if (flags.includes('--build')) buildSite(site);
    await serveWithHeaders(site);
    console.log(`[e2e] serving ${site.outDir}/ at ${site.url} with the headers of its _headers`);
  } catch (error) {
    console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
