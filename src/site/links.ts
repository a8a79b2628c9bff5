import { basePath } from '../config.ts';
import { withBase } from '../routes.ts';

/** The href, in this build's pages, of a route path of src/routes.ts. */
export function href(path: string): string {
  return withBase(path, basePath);
}
