/**
 * Prints the nginx directives that send the headers of a built site's
 * `_headers` file (written by the build): include them in the site's server
 * block, as deploy/nginx.conf shows.
 *
 *   npm run headers:nginx [-- <outDir>] > /etc/nginx/snippets/annotated-source-corpus-headers.conf
 *
 * Run it after every build: the Content Security Policy carries the hashes
 * of that build's scripts and styles.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { headersFilePath, outputFile } from '../src/routes.ts';
import { nginxDirectives, parseHeadersFile } from '../src/site/security-headers.ts';

const outDir = process.argv[2] ?? 'dist';
try {
  const file = join(outDir, outputFile(headersFilePath));
  const text = await readFile(file, 'utf8').catch(() => Promise.reject(new Error(`no ${file}: build the site first (npm run build)`)));
  process.stdout.write(nginxDirectives(parseHeadersFile(text)));
} catch (error) {
  console.error(`[headers] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
