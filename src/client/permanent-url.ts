/**
 * The public, permanent form of a link on this page: resolved against the
 * canonical URL, which carries the configured site address (SITE_URL), so a
 * copy made on a preview or mirror still points at the published page.
 */
export function permanentUrl(link: HTMLAnchorElement): string {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href;
  return new URL(link.getAttribute('href') ?? '', canonical).href;
}
