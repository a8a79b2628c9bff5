/**
 * The response headers a host sends with the built site, as pure functions:
 * the Content Security Policy the pages carry (read from their `<meta>` tag,
 * since Astro writes script and style hashes into it at each build), with
 * `frame-ancestors 'none'`, which a `<meta>` tag cannot carry; nosniff; a
 * referrer policy; and immutable caching for files whose names are hashes of
 * their content.
 *
 * One set of rules, three forms: the `_headers` file Netlify and Cloudflare
 * Pages read, the nginx directives that send the same headers
 * (deploy/nginx.conf), and the headers for one path (the browser tests' host).
 */
import { withBase } from '../routes.ts';

/** A path pattern of the site (`/corpus/*`, `/corpus/_astro/*`) and the headers sent for it. */
export interface HeaderRule {
  pattern: string;
  headers: Record<string, string>;
}

/** Folders whose files are never changed in place: Astro's hashed bundles and Pagefind's content-named index chunks. */
export const immutableFolders = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'] as const;

export const immutableCaching = 'public, max-age=31536000, immutable';

/** Sent by every response: the pages' own policy, and two that need no page. */
export function securityHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
  };
}

/** `default-src 'self'; script-src 'self' 'sha256-…'` → directive name → its sources, in order. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

export function formatPolicy(directives: ReadonlyMap<string, readonly string[]>): string {
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/**
 * One policy for every page: each directive with the sources any page allows
 * (every page carries the same policy today, and then this is that policy),
 * and `frame-ancestors 'none'`. A browser enforces the header and the page's
 * `<meta>` both, so a page is never allowed more than its own policy says.
 */
export function sitePolicy(pagePolicies: Iterable<string>): string {
  const merged = new Map<string, string[]>();
  for (const policy of pagePolicies) {
    for (const [name, sources] of parsePolicy(policy)) {
      const known = merged.get(name) ?? [];
      merged.set(name, [...known, ...sources.filter((source) => !known.includes(source))]);
    }
  }
  if (merged.size === 0) throw new Error('no page carries a Content-Security-Policy <meta> tag: the header would allow everything');
  merged.set('frame-ancestors', ["'none'"]);
  return formatPolicy(merged);
}

/** The rules for a site served from `base`, whose pages carry `policy` (from sitePolicy). */
export function siteHeaderRules(policy: string, base: string): HeaderRule[] {
  return [
    { pattern: withBase('/*', base), headers: securityHeaders(policy) },
    ...immutableFolders.map((folder) => ({ pattern: withBase(`${folder}*`, base), headers: { 'Cache-Control': immutableCaching } })),
  ];
}

const preamble = [
  '# Response headers, written by the build (src/integration/publishing.ts) from the pages’ own Content-Security-Policy.',
  '# Netlify and Cloudflare Pages read this file; `npm run headers:nginx` turns it into nginx directives (deploy/nginx.conf).',
];

/** The `_headers` file: each pattern, then its headers indented. Every rule matching a path applies to it. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const blocks = rules.map(({ pattern, headers }) => [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n'));
  return `${[preamble.join('\n'), ...blocks].join('\n\n')}\n`;
}

/** Reads a `_headers` file back into rules; comments and blank lines are skipped. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    if (!/^\s/u.test(line)) {
      rules.push({ pattern: line.trim(), headers: {} });
      return;
    }
    const rule = rules.at(-1);
    const separator = line.indexOf(':');
    if (!rule || separator < 0) throw new Error(`_headers:${index + 1}: expected "  Name: value" under a path, found "${line.trim()}"`);
    rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  });
  return rules;
}

/** Whether a pattern (a path, or a path ending in `*`) matches a request's path, as Netlify and Cloudflare Pages match them. */
export function matchesPattern(pattern: string, path: string): boolean {
  return pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
}

/** The headers a request for `path` gets: those of every matching rule. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  return Object.assign({}, ...rules.filter((rule) => matchesPattern(rule.pattern, path)).map((rule) => rule.headers));
}

function nginxValue(value: string): string {
  if (/["\\$]/u.test(value)) throw new Error(`a header value nginx would need escaped: ${value}`);
  return `"${value}"`;
}

/**
 * The same rules as nginx `location` blocks, to include in the site's
 * `server` block. nginx sends a request the headers of one location only, the
 * longest prefix that matches, so each location carries the headers of every
 * rule that matches it.
 */
export function nginxDirectives(rules: readonly HeaderRule[]): string {
  const locations = rules.map(({ pattern }) => {
    const prefix = pattern.endsWith('*') ? pattern.slice(0, -1) : undefined;
    const path = prefix ?? pattern;
    if (path.includes('*')) throw new Error(`nginx has no location for the pattern ${pattern}: use a path, or a path ending in *`);
    const headers = Object.entries(headersFor(rules, path)).map(([name, value]) => `    add_header ${name} ${nginxValue(value)} always;`);
    return [`location ${prefix ? `^~ ${prefix}` : `= ${pattern}`} {`, ...headers, '}'].join('\n');
  });
  return `${[
    '# Response headers, made from the build’s _headers by `npm run headers:nginx`: include this file in the site’s server block (deploy/nginx.conf).',
    ...locations,
  ].join('\n\n')}\n`;
}

/** What the build needs from a page's head: the policy its `<meta>` tag carries, and whether it asks not to be indexed. */
export interface PageHead {
  policy?: string;
  noindex: boolean;
}

function decodeAttribute(value: string): string {
  return value.replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Reads the `<meta>` tags of a page's head (as Astro writes them: double-quoted attributes). */
export function readPageHead(head: string): PageHead {
  const result: PageHead = { noindex: false };
  for (const [tag] of head.matchAll(/<meta\s[^>]*>/giu)) {
    const attributes = new Map(
      [...tag.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/gu)].map(([, name = '', value = '']) => [name.toLowerCase(), decodeAttribute(value)]),
    );
    if (attributes.get('http-equiv')?.toLowerCase() === 'content-security-policy') result.policy = attributes.get('content');
    if (attributes.get('name')?.toLowerCase() === 'robots' && /\bnoindex\b/iu.test(attributes.get('content') ?? '')) result.noindex = true;
  }
  return result;
}
