import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { ContentError } from '../lib/problems.ts';
import { anchorLockProblems, readAnchorLock } from './anchor-lock.ts';
import { contentDirs, loadCorpus } from './load-corpus.ts';

const virtualId = 'virtual:corpus';

/**
 * Checks the whole corpus before Astro renders anything (front matter,
 * fidelity to the sources, mentions, notes, the anchor lock) and hands the
 * model it built to the pages as `virtual:corpus`, so that cross-document
 * indexes are computed once per build.
 */
export function corpus(): AstroIntegration {
  return {
    name: 'corpus',
    hooks: {
      'astro:config:setup': async ({ config, updateConfig, logger }) => {
        const root = fileURLToPath(config.root);
        const started = performance.now();
        const { model, problems } = await loadCorpus(root);
        const { lock, text } = await readAnchorLock(root);
        const lockCheck = anchorLockProblems(lock, text, model.anchors);
        const all = [...problems, ...lockCheck.problems];
        if (all.length > 0) throw new ContentError(all);
        if (lockCheck.unlocked.length > 0) {
          logger.warn(`${lockCheck.unlocked.length} paragraph anchors are not yet in ${contentDirs.anchorLock}; run \`npm run anchors:lock\` when you publish them.`);
        }
        logger.info(
          `checked ${model.documents.length} documents, ${model.entries.length} glossary entries, ${model.anchors.length} anchors in ${Math.round(performance.now() - started)} ms`,
        );
        const source = `export default ${JSON.stringify(model)};\nexport const redirects = ${JSON.stringify(lock.redirects)};`;
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
    },
  };
}
