import { withBase, withoutBase } from '../routes.ts';

/** The base path the site is served from, as the layout records it on `<html data-base>`. */
const base = document.documentElement.dataset.base ?? '/';

/** The href of a route path of src/routes.ts on this site. */
export function href(path: string): string {
  return withBase(path, base);
}

/** The route path of an href of this site, such as the URL of a search result. */
export function routeOf(link: string): string {
  return withoutBase(link, base);
}
