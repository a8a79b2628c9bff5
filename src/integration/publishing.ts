import { readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFilePath, outputFile, withoutBase } from '../routes.ts';
import { openPageHeads } from '../node/page-heads.ts';
import { formatHeadersFile, siteHeaderRules, sitePolicy } from '../site/security-headers.ts';

/** The route path of a built page: `documents/x/index.html` → `/documents/x/`. */
function routeOf(outDir: string, file: string): string {
  return `/${relative(outDir, file).split(sep).join('/')}`.replace(/index\.html$/u, '');
}

/**
 * After the build, reads every page's head (that it has not read as it is
 * in an earlier build, src/node/page-heads.ts): writes `_headers` with the
 * policy the pages carry (src/site/security-headers.ts), and records the
 * pages that ask not to be indexed (moved documents' forwarding pages), which
 * the sitemap leaves out. List it before the sitemap integration, whose
 * filter is `inSitemap`.
 */
export function publishing(): { integration: AstroIntegration; inSitemap: (url: string) => boolean } {
  const unindexed = new Set<string>();
  let base = '/';
  let cacheDir = '';
  const integration: AstroIntegration = {
    name: 'publishing',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheDir = fileURLToPath(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const pages = (await readdir(outDir, { recursive: true, withFileTypes: true }))
          .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
          .map((entry) => join(entry.parentPath, entry.name))
          // In path order, so that the merged policy's sources do not follow the order a file system lists the pages in.
          .sort();
        const policies = new Set<string>();
        const pageHeads = await openPageHeads(cacheDir, outDir);
        // A few files at a time: a large corpus has thousands of pages.
        for (let index = 0; index < pages.length; index += 32) {
          const batch = pages.slice(index, index + 32);
          const heads = await Promise.all(batch.map(pageHeads.read));
          heads.forEach((head, offset) => {
            if (head.policy) policies.add(head.policy);
            if (head.noindex) unindexed.add(routeOf(outDir, batch[offset] ?? ''));
          });
        }
        const { read } = await pageHeads.finish();
        await writeFile(join(outDir, outputFile(headersFilePath)), formatHeadersFile(siteHeaderRules(sitePolicy(policies), base)));
        logger.info(
          `stage headers: ${pages.length} pages (${read} heads read, the others as the last build found them), ${policies.size} distinct policies, _headers written in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
  return { integration, inSitemap: (url) => !unindexed.has(withoutBase(new URL(url).pathname, base)) };
}
