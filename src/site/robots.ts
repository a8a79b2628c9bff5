import { absoluteUrl, sitemapPath } from '../routes.ts';

/**
 * Every crawler may read everything, and the sitemap says where the pages
 * are. Crawlers read robots.txt only at a host's root: for a site served from
 * a sub-path (a GitHub project site), the host's own robots.txt must name
 * this sitemap (README, "Deploying").
 */
export function robotsTxt(siteUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl(sitemapPath, siteUrl)}`, ''].join('\n');
}
