import type { AstroIntegration } from 'astro';
import { cp, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ContentError, formatProblems } from '../corpus/problems.ts';
import { anchorLockProblems, readAnchorLock } from '../node/anchor-lock.ts';
import { contentDirs } from '../config.ts';
import { loadCorpus } from '../node/load-corpus.ts';
import { writeExports } from '../node/write-exports.ts';
import { documentWriter, preparePageStore, writeMentionPages } from '../node/page-store.ts';
import { resolve } from 'node:path';
import { pageModel } from '../site/page-model.ts';
import { sha256 } from '../text/hash.ts';

const virtualId = 'virtual:corpus';

/**
 * Checks the whole corpus before Astro renders anything (front matter,
 * fidelity to the sources, mentions, notes, the anchor lock) and hands what
 * the pages need of the model it built to them as `virtual:corpus`, so that
 * cross-document indexes are computed once per build. The open-data exports
 * are written from the same model before rendering, so that the model can be
 * let go and the pages render in far less memory; after the build they are
 * copied into the site. Each stage logs its duration for the benchmark; the
 * search index is the next step of `npm run build` (scripts/search-index.ts).
 */
export function corpus(): AstroIntegration {
  let exportsDir: string | undefined;
  let renderStarted = 0;
  return {
    name: 'corpus',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const started = performance.now();
        // Each page is rendered from the tree the check parsed, so every document is parsed once.
        // One store per corpus and output, so that builds of other corpora (tests, the benchmark) never share one.
        const storeKey = sha256(`${resolve(root, contentDirs.corpus)}\n${fileURLToPath(config.outDir)}`).slice(0, 16);
        const pageStore = fileURLToPath(new URL(`corpus-pages/${storeKey}/`, config.cacheDir));
        preparePageStore(pageStore);
        const loaded = await loadCorpus(root, contentDirs, documentWriter(pageStore));
        const { problems, model, editorial } = loaded;
        const { lock, text } = await readAnchorLock(root);
        const lockCheck = anchorLockProblems(lock, text, model.anchors);
        const all = [...problems, ...lockCheck.problems];
        if (all.length > 0) {
          // Content problems are the editor's to fix, not a crash: a build prints them as file:line messages and stops,
          // without Astro's "unhandled error in a hook" wrapper and stack trace.
          if (command === 'build') {
            console.error(formatProblems(all));
            process.exit(1);
          }
          throw new ContentError(all);
        }
        if (lockCheck.unlocked.length > 0 || editorial.unlocked.length > 0) {
          logger.warn(
            `${lockCheck.unlocked.length} paragraph anchors and ${editorial.unlocked.length} units of editorial text are not yet recorded as published; run \`npm run lock\` when you publish them.`,
          );
        }
        // The pages get a small model; documents' text and entries' mentions are read from disk, page by page.
        writeMentionPages(pageStore, model);
        logger.info(
          `stage checks: ${model.documents.length} documents, ${model.entries.length} glossary entries, ${model.anchors.length} anchors checked and page data written in ${Math.round(performance.now() - started)} ms`,
        );
        if (command === 'build') {
          const exportStarted = performance.now();
          exportsDir = fileURLToPath(new URL(`corpus-exports/${storeKey}/`, config.cacheDir));
          await rm(exportsDir, { recursive: true, force: true });
          await mkdir(exportsDir, { recursive: true });
          const exported = await writeExports(model, root, exportsDir, config.site ?? '');
          logger.info(`stage exports: ${exported.annotations} annotations in ${Math.round(performance.now() - exportStarted)} ms`);
        }
        const source = [
          `export default ${JSON.stringify(pageModel(model))};`,
          `export const redirects = ${JSON.stringify(lock.redirects)};`,
          `export const pageStore = ${JSON.stringify(pageStore)};`,
        ].join('\n');
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'corpus-model',
                resolveId: (id: string) => (id === virtualId ? `\0${virtualId}` : undefined),
                load: (id: string) => (id === `\0${virtualId}` ? source : undefined),
              },
            ],
          },
        });
      },
      'astro:build:start': () => {
        renderStarted = performance.now();
      },
      'astro:build:done': async ({ dir, logger }) => {
        logger.info(`stage rendering: ${Math.round(performance.now() - renderStarted)} ms`);
        if (exportsDir) await cp(exportsDir, fileURLToPath(dir), { recursive: true });
      },
    },
  };
}
