/**
 * The public base URL of the site, set once for every permanent URL, citation
 * and canonical link. Override with SITE_URL when deploying.
 */
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

/**
 * The content directory (corpus/, glossary/, sources/, anchors.lock.json).
 * Tests and the benchmark point it elsewhere to build other corpora with the real build.
 */
export const contentRoot = process.env.CORPUS_CONTENT ?? 'content';

export const siteName = 'Annotated Source Corpus';
export const siteDescription = 'Source documents on the 2023 Albanian police operation at the MEK camp, published verbatim with editorial annotations.';
