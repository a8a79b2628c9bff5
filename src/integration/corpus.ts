import type { AstroConfig, AstroIntegration, AstroIntegrationLogger } from 'astro';
import { mkdir, rm } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDirs, contentRoot } from '../config.ts';
import { formatProblem, formatProblems, type Problem } from '../corpus/problems.ts';
import { mentionInputs } from '../corpus/mentions.ts';
import type { CorpusFiles, CorpusModel } from '../corpus/model.ts';
import { anchorLockProblems, readAnchorLock } from '../node/anchor-lock.ts';
import { type DocumentCacheOptions, pipelineVersion } from '../node/document-cache.ts';
import { renderEntryBodies, type VersionedRenderer } from '../node/entry-bodies.ts';
import { loadRenderedCorpus } from '../node/load-corpus.ts';
import { openPageStore } from '../node/page-store.ts';
import { givesMemoryBack, releaseFreedMemory } from '../node/release-memory.ts';
import { finishRender, forgetUnfinishedRender, prepareOutput, recordOutput, startRender } from '../node/render-cache.ts';
import { describeUnexpectedError, devKeptServing } from '../node/unexpected-error.ts';
import { editGate, gatedRequests } from '../node/edit-gate.ts';
import { plural } from '../site/format.ts';
import type { ExportCacheOptions } from '../node/export-cache.ts';
import { publishExports, writeExports } from '../node/write-exports.ts';
import { pageModel } from '../site/page-model.ts';
import { paragraphKeys, paragraphsByEntry } from '../corpus/paragraph-keys.ts';
import { sha256, sha256OfParts } from '../text/hash.ts';

const virtualId = 'virtual:corpus';
const resolvedVirtualId = `\0${virtualId}`;

/** The corpus checked and its page data written: what the pages get, and what is wrong. */
interface CheckedCorpus {
  model: CorpusModel;
  /** The digest of each document the document cache holds, by slug, for the exports' keys. */
  documentDigests: ReadonlyMap<string, string>;
  problems: Problem[];
  redirects: Record<string, string>;
  /** The virtual module's source. */
  module: string;
}

/**
 * Checks the whole corpus (front matter, fidelity to the sources, mentions,
 * notes, comparisons, the anchor and editorial locks), renders each document
 * from the tree the check parsed and each glossary entry's description with
 * the site's Markdown `renderer`, and stores the page data the pages read.
 */
async function checkCorpus(
  root: string,
  { pageStore, assetsDir }: { pageStore: string; assetsDir: string },
  drafts: CorpusFiles['drafts'],
  cache: DocumentCacheOptions & { frontmatter: string },
  renderer: VersionedRenderer,
  logger: AstroIntegrationLogger,
): Promise<CheckedCorpus> {
  const started = performance.now();
  const store = openPageStore(pageStore, { clean: cache.clean === true });
  // The day of this check: under `astro dev`, of the last edit, which checks again.
  const accessed = new Date().toISOString().slice(0, 10);
  const checked = await loadRenderedCorpus(root, contentDirs, {
    onRendered: store.writeDocument,
    drafts,
    cache,
    frontmatter: { file: cache.frontmatter, clean: cache.clean === true },
    accessed,
  });
  const { problems, model, editorial, leftOut, documentDigests } = checked;
  for (const { file, reason } of leftOut) logger.warn(`left out ${file}: ${reason}`);
  const { lock, text } = await readAnchorLock(root);
  const lockCheck = anchorLockProblems(lock, text, model.anchors);
  if (lockCheck.unlocked.length > 0 || editorial.unlocked.length > 0) {
    logger.warn(
      `${lockCheck.unlocked.length} paragraph anchors and ${editorial.unlocked.length} units of editorial text are not yet recorded as published; run \`npm run lock\` when you publish them.`,
    );
  }
  // The pages get a small model; documents' text and entries' mentions are read from disk, page by page.
  // Asked to clean, the last check's mentions are kept only where they are the same, byte for byte.
  store.writeMentionPages(model, cache.clean ? undefined : sha256OfParts(mentionInputs(model.documents)));
  store.writeEntryParagraphs(paragraphsByEntry(model.mentionsByEntry, paragraphKeys(model.documents.map(({ slug }) => slug))));
  // The entries too, so that the pages' code does not change with them (src/data/corpus.ts).
  const { entries, ...shared } = pageModel(model);
  store.writeEntries(entries);
  store.writeEntryBodies(await renderEntryBodies(root, entries, renderer, cache.clean ? {} : store.lastEntryBodies()));
  store.finish();
  logger.info(
    `stage checks: ${model.documents.length} documents (${checked.cache?.reused ?? 0} reused from the cache, ${checked.cache?.checked ?? 0} checked), ${model.entries.length} glossary entries, ${model.anchors.length} anchors checked and page data written in ${Math.round(performance.now() - started)} ms`,
  );
  const all = [...problems, ...lockCheck.problems];
  // The model as one string that the pages parse: as an object literal (1.8 MB at 1,000 generated documents) the bundler
  // parsed it and wrote it out again as 140,000 lines, 0.3 s of every build.
  const module = [
    `export default JSON.parse(${JSON.stringify(JSON.stringify(shared))});`,
    `export const redirects = ${JSON.stringify(lock.redirects)};`,
    `export const pageStore = ${JSON.stringify(pageStore)};`,
    `export const assetsDir = ${JSON.stringify(assetsDir)};`,
    `export const problems = ${JSON.stringify(all.map(formatProblem))};`,
  ].join('\n');
  return { model, documentDigests, problems: all, redirects: lock.redirects, module };
}

/** Writes the open-data exports into `exportsDir`, emptied first, and logs the stage. */
async function exportCorpus(
  { model, documentDigests }: Pick<CheckedCorpus, 'model' | 'documentDigests'>,
  root: string,
  exportsDir: string,
  site: string,
  cache: ExportCacheOptions,
  logger: AstroIntegrationLogger,
): Promise<void> {
  const started = performance.now();
  await rm(exportsDir, { recursive: true, force: true });
  await mkdir(exportsDir, { recursive: true });
  const exported = await writeExports(model, root, exportsDir, site, { ...cache, documentDigests });
  logger.info(
    `stage exports: ${exported.annotations} annotations (${exported.reused} documents' files reused from the cache, ${exported.made} made) in ${Math.round(performance.now() - started)} ms`,
  );
}

/**
 * The renderer Astro's content layer gives a Markdown entry: the site's
 * Markdown processor, with the options Astro passes it. Its version: the
 * site's configuration and the modules it imports (the processor's plugins
 * among them), the lock file, the base path and site URL the plugins are
 * given, and Node's versions.
 */
async function markdownRenderer({ markdown, image, root, base, site }: AstroConfig): Promise<VersionedRenderer> {
  const shared = { image, syntaxHighlight: markdown.syntaxHighlight, shikiConfig: markdown.shikiConfig, gfm: markdown.gfm, smartypants: markdown.smartypants };
  const code = pipelineVersion([fileURLToPath(new URL('astro.config.mjs', root))]);
  return { renderer: await markdown.processor.createRenderer(shared), version: sha256(JSON.stringify([code, base, site ?? null, process.versions])) };
}

/** Stops the build on an error the corpus integration did not expect, told in a line or two (the stack trace with --debug). */
function stopUnexpected(error: unknown, root: string): never {
  // Astro would wrap it as "an unhandled error in a hook" with a stack trace: that only with --debug.
  if (process.env.CORPUS_DEBUG === '1') throw error;
  console.error(describeUnexpectedError(error, root));
  process.exit(1);
}

/**
 * Checks the whole corpus before Astro renders anything and hands what the
 * pages need of the model it built to them as `virtual:corpus`, so that
 * cross-document indexes are computed once per build. The open-data exports
 * are written from the same model before rendering, so that the model can be
 * let go and the pages render in far less memory; after the build they are
 * moved into the site. Each stage logs its duration for the benchmark; the
 * search index is the next step of `npm run build` (scripts/search-index.ts).
 *
 * A build with content problems prints them and stops. Under `astro dev` the
 * site keeps running: problems are printed and shown on every page, and any
 * change under content/ is checked again and the browser reloaded.
 */
export function corpus(): AstroIntegration {
  let exportsDir: string | undefined;
  let renderStarted = 0;
  let module = '';
  let root = process.cwd();
  let cacheDir: URL | undefined;
  let keptPages = new Set<string>();
  let recheck: (() => Promise<void>) | undefined;
  return {
    name: 'corpus',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, logger }) => {
        root = fileURLToPath(config.root);
        // One store per corpus, output and command, so that builds of other corpora (tests, the benchmark) never share one,
        // nor does `astro dev`, which rewrites its store at each edit, with a build that is reading its own.
        const storeKey = sha256(`${resolve(root, contentDirs.corpus)}\n${fileURLToPath(config.outDir)}\n${command}`).slice(0, 16);
        const paths = {
          pageStore: fileURLToPath(new URL(`corpus-pages/${storeKey}/`, config.cacheDir)),
          // Where the build writes the scripts and styles the pages link to (src/data/corpus.ts `cacheKeys`).
          assetsDir: fileURLToPath(new URL(`${config.build.assets}/`, config.outDir)),
        };
        // Drafts show, marked, while an editor works on them; a production build leaves them out.
        const drafts = command === 'dev' ? 'include' : 'leave-out';
        // Each page's checked and rendered result, kept between builds of the corpus, whatever their output (src/node/document-cache.ts);
        // CORPUS_CLEAN=1 (`npm run build -- --clean`) rewrites it.
        const cacheKey = sha256(resolve(root, contentDirs.corpus)).slice(0, 16);
        const cache = {
          dir: fileURLToPath(new URL(`corpus-documents/${cacheKey}/`, config.cacheDir)),
          clean: process.env.CORPUS_CLEAN === '1',
          // The glossary's and claims' front matter, as parsed (src/node/frontmatter-cache.ts).
          frontmatter: fileURLToPath(new URL(`corpus-frontmatter/${cacheKey}.bin`, config.cacheDir)),
        };
        let checked: CheckedCorpus;
        let renderer: VersionedRenderer;
        try {
          renderer = await markdownRenderer(config);
          checked = await checkCorpus(root, paths, drafts, cache, renderer, logger);
        } catch (error) {
          stopUnexpected(error, root);
        }
        if (checked.problems.length > 0) {
          // Content problems are the editor's to fix, not a crash: a build prints them as file:line messages and stops,
          // without Astro's "unhandled error in a hook" wrapper and stack trace.
          console.error(formatProblems(checked.problems, command === 'build' ? 'nothing was built' : 'every page lists them until they are fixed'));
          if (command === 'build') process.exit(1);
        }
        module = checked.module;
        recheck = async () => {
          // The first check rewrote the cache where asked to: later ones under `astro dev` reuse it.
          const next = await checkCorpus(root, paths, drafts, { ...cache, clean: false }, renderer, logger);
          if (next.problems.length > 0) console.error(formatProblems(next.problems, 'every page lists them until they are fixed'));
          else logger.info('the corpus has no problems');
          module = next.module;
        };
        if (command === 'build') {
          cacheDir = config.cacheDir;
          const renderAll = forgetUnfinishedRender(cacheDir, cache.clean);
          if (renderAll) logger.info('every page is rendered again: asked to clean, or the last build did not finish');
          // Astro's own emptying of the output folder is switched off below.
          const emptyStarted = performance.now();
          keptPages = prepareOutput(cacheDir, config.outDir, !renderAll);
          logger.info(`stage output folder: emptied but for ${keptPages.size} pages of the last build in ${Math.round(performance.now() - emptyStarted)} ms`);
          exportsDir = fileURLToPath(new URL(`corpus-exports/${storeKey}/`, config.cacheDir));
          const exportCache = { dir: fileURLToPath(new URL(`corpus-export-files/${cacheKey}/`, config.cacheDir)), clean: cache.clean };
          try {
            await exportCorpus(checked, root, exportsDir, config.site ?? '', exportCache, logger);
          } catch (error) {
            stopUnexpected(error, root);
          }
        }
        updateConfig({
          vite: {
            ...(command === 'build' ? { build: { emptyOutDir: false } } : {}),
            plugins: [
              {
                name: 'corpus-model',
                resolveId: (id: string) => (id === virtualId ? resolvedVirtualId : undefined),
                load: (id: string) => (id === resolvedVirtualId ? module : undefined),
              },
            ],
          },
        });
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = resolve(root, contentRoot) + sep;
        server.watcher.add(contentDir);
        // No page is rendered while an edit is checked (src/node/edit-gate.ts).
        const gate = editGate({
          onImpatient: (serving) => logger.warn(`checking the edit without waiting for ${plural(serving, 'request')} still being served`),
        });
        server.middlewares.use(gatedRequests(gate));
        let pending: ReturnType<typeof setTimeout> | undefined;
        let checking = Promise.resolve();
        server.watcher.on('all', (_event, path) => {
          if (!path.startsWith(contentDir)) return;
          gate.hold();
          // An editor's save can touch several files at once: check once they are all written.
          clearTimeout(pending);
          pending = setTimeout(() => {
            // One check at a time: a check that overlapped the next would remove from the page store what that one wrote.
            checking = checking
              .then(() =>
                gate.update(async () => {
                  await recheck?.();
                  for (const environment of Object.values(server.environments)) {
                    const node = environment.moduleGraph.getModuleById(resolvedVirtualId);
                    if (node) environment.moduleGraph.invalidateModule(node);
                  }
                }),
              )
              .then(() => server.ws.send({ type: 'full-reload' }))
              // The server keeps running: the editor's next save checks again.
              .catch((error: unknown) => console.error(process.env.CORPUS_DEBUG === '1' ? error : describeUnexpectedError(error, root, devKeptServing)));
          }, 150);
        });
      },
      'astro:build:start': ({ logger }) => {
        // The model and the check's results were let go with the last hook: what they held goes back to the system before
        // Astro renders, where `givesMemoryBack` says it is worth its cost (src/node/release-memory.ts gives the figures).
        if (cacheDir && givesMemoryBack(keptPages.size === 0, process.memoryUsage.rss())) {
          const releaseStarted = performance.now();
          const { before, after } = releaseFreedMemory();
          logger.info(
            `stage memory: ${Math.max(0, Math.round((before - after) / 1048576))} MB of the check's memory given back in ${Math.round(performance.now() - releaseStarted)} ms`,
          );
        }
        renderStarted = performance.now();
        if (cacheDir) startRender(cacheDir);
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        logger.info(`stage rendering: ${Math.round(performance.now() - renderStarted)} ms`);
        if (cacheDir) {
          // Before the other integrations read the pages (publishing's headers): a page kept from the last build that this one did not write is removed.
          const removed = recordOutput(cacheDir, dir, [...assets.values()].flat(), keptPages);
          if (removed > 0) logger.info(`${removed} pages of the last build removed: this build has no such page`);
          finishRender(cacheDir);
        }
        if (exportsDir) await publishExports(exportsDir, fileURLToPath(dir));
      },
    },
  };
}
