/** The committed record of every paragraph URL ever published. */
export interface AnchorLock {
  anchors: string[];
  /** Vanished anchor URL → the URL that replaces it. */
  redirects: Record<string, string>;
}

export interface LockCheck {
  /** Published anchors that no longer resolve and have no redirect. */
  vanished: string[];
  /** Redirects whose target is not a current anchor. */
  brokenRedirects: { from: string; to: string }[];
  /** Current anchors not yet recorded in the lock. */
  unlocked: string[];
}

export function checkAnchorLock(lock: AnchorLock, current: readonly string[]): LockCheck {
  const currentSet = new Set(current);
  const lockedSet = new Set(lock.anchors);
  return {
    vanished: lock.anchors.filter((url) => !currentSet.has(url) && !(url in lock.redirects)),
    brokenRedirects: Object.entries(lock.redirects)
      .filter(([, to]) => !currentSet.has(to))
      .map(([from, to]) => ({ from, to })),
    unlocked: current.filter((url) => !lockedSet.has(url)),
  };
}

/** The lock after publishing `current`: nothing is ever removed from it. */
export function updateAnchorLock(lock: AnchorLock, current: readonly string[]): AnchorLock {
  const anchors = [...new Set([...lock.anchors, ...current])].sort(compareAnchorUrls);
  return { anchors, redirects: lock.redirects };
}

/** Orders `/documents/a/#p2` before `/documents/a/#p10`. */
export function compareAnchorUrls(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/** A page that no longer exists, with where each of its recorded anchors went. */
export interface MovedPage {
  path: string;
  /** Old fragment (`p7`, or '' for the page itself) → new URL. */
  targets: Record<string, string>;
}

/** Groups redirects by the old page they leave, for pages that no longer exist. */
export function movedPages(redirects: Record<string, string>, existingPaths: ReadonlySet<string>): MovedPage[] {
  const pages = new Map<string, MovedPage>();
  for (const [from, to] of Object.entries(redirects)) {
    const [path = from, fragment = ''] = from.split('#');
    if (existingPaths.has(path)) continue;
    const page = pages.get(path) ?? { path, targets: {} };
    page.targets[fragment] = to;
    pages.set(path, page);
  }
  return [...pages.values()];
}

/** Redirects of anchors on a page that still exists: old fragment → new URL. */
export function redirectsFromPage(redirects: Record<string, string>, path: string): Record<string, string> {
  return Object.fromEntries(
    Object.entries(redirects)
      .filter(([from]) => from.startsWith(`${path}#`))
      .map(([from, to]) => [from.slice(path.length + 1), to]),
  );
}
