import { open, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFilePath, outputFile, withoutBase } from '../routes.ts';
import { formatHeadersFile, type PageHead, readPageHead, siteHeaderRules, sitePolicy } from '../site/security-headers.ts';

/**
 * A page's head, read up to `</head>`: the pages' bodies are most of the
 * site's bytes and say nothing the headers need. Read 8 KB at a time, as the
 * heads Astro writes are 1.5 to 3.5 KB: a buffer of 64 KB for each of
 * thousands of pages cost the build more than the reading.
 */
async function readHead(file: string): Promise<PageHead> {
  const handle = await open(file);
  try {
    const chunk = Buffer.alloc(8 * 1024);
    const parts: Buffer[] = [];
    let end = -1;
    while (end < 0) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length);
      if (bytesRead === 0) break;
      parts.push(Buffer.from(chunk.subarray(0, bytesRead)));
      end = Buffer.concat(parts).indexOf('</head>');
    }
    const head = Buffer.concat(parts).toString('utf8');
    return readPageHead(end < 0 ? head : head.slice(0, head.indexOf('</head>')));
  } finally {
    await handle.close();
  }
}

/** The route path of a built page: `documents/x/index.html` → `/documents/x/`. */
function routeOf(outDir: string, file: string): string {
  return `/${relative(outDir, file).split(sep).join('/')}`.replace(/index\.html$/u, '');
}

/**
 * After the build, reads every page's head once: writes `_headers` with the
 * policy the pages carry (src/site/security-headers.ts), and records the
 * pages that ask not to be indexed (moved documents' forwarding pages), which
 * the sitemap leaves out. List it before the sitemap integration, whose
 * filter is `inSitemap`.
 */
export function publishing(): { integration: AstroIntegration; inSitemap: (url: string) => boolean } {
  const unindexed = new Set<string>();
  let base = '/';
  const integration: AstroIntegration = {
    name: 'publishing',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
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
        // A few files at a time: a large corpus has thousands of pages.
        for (let index = 0; index < pages.length; index += 32) {
          const batch = pages.slice(index, index + 32);
          const heads = await Promise.all(batch.map(readHead));
          heads.forEach((head, offset) => {
            if (head.policy) policies.add(head.policy);
            if (head.noindex) unindexed.add(routeOf(outDir, batch[offset] ?? ''));
          });
        }
        await writeFile(join(outDir, outputFile(headersFilePath)), formatHeadersFile(siteHeaderRules(sitePolicy(policies), base)));
        logger.info(
          `stage headers: ${pages.length} pages read, ${policies.size} distinct policies, _headers written in ${Math.round(performance.now() - started)} ms`,
        );
      },
    },
  };
  return { integration, inSitemap: (url) => !unindexed.has(withoutBase(new URL(url).pathname, base)) };
}
