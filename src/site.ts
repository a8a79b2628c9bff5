/**
 * The public base URL of the site, set once for every permanent URL, citation
 * and canonical link. Override with SITE_URL when deploying.
 */
export const siteUrl = process.env.SITE_URL ?? 'http://localhost:4321';

export const siteName = 'Annotated Source Corpus';
export const siteDescription = 'Source documents on the 2023 Albanian police operation at the MEK camp, published verbatim with editorial annotations.';
