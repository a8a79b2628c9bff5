import { describe, expect, it } from 'vitest';
import {
  formatHeadersFile,
  headersFor,
  immutableCaching,
  nginxDirectives,
  parseHeadersFile,
  readPageHead,
  siteHeaderRules,
  sitePolicy,
} from '../../../src/site/security-headers.ts';

const pagePolicy = "default-src 'self';img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-BBB=';";

describe('the site policy', () => {
  it('is the pages’ own policy with frame-ancestors, which a <meta> tag cannot carry', () => {
    expect(sitePolicy([pagePolicy, pagePolicy])).toBe(
      "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval' 'sha256-AAA='; style-src 'self' 'sha256-BBB='; frame-ancestors 'none'",
    );
  });

  it('allows, for pages whose policies differ, each directive’s sources of any page', () => {
    expect(sitePolicy(["script-src 'self' 'sha256-AAA='", "script-src 'self' 'sha256-CCC='; object-src 'none'"])).toBe(
      "script-src 'self' 'sha256-AAA=' 'sha256-CCC='; object-src 'none'; frame-ancestors 'none'",
    );
  });

  it('refuses to exist when no page carries one', () => {
    expect(() => sitePolicy([])).toThrow('no page carries a Content-Security-Policy <meta> tag');
  });
});

describe('a page’s head', () => {
  it('gives its policy, entities decoded, and whether it asks not to be indexed', () => {
    const head = `<meta charset="utf-8"><meta http-equiv="content-security-policy" content="default-src &#39;self&#39;"><meta name="robots" content="noindex">`;
    expect(readPageHead(head)).toEqual({ policy: "default-src 'self'", noindex: true });
    expect(readPageHead('<meta name="description" content="x">')).toEqual({ noindex: false });
  });
});

describe('the header rules', () => {
  const rules = siteHeaderRules("default-src 'self'; frame-ancestors 'none'", '/corpus/');

  it('send the policy, nosniff and a referrer policy everywhere, and cache hashed files for a year', () => {
    expect(headersFor(rules, '/corpus/documents/x/')).toEqual({
      'Content-Security-Policy': "default-src 'self'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    for (const path of [
      '/corpus/_astro/Page.B9-VyJ0X.css',
      '/corpus/pagefind/fragment/en_14688ba.pf_fragment',
      '/corpus/pagefind/index/en_923183b.pf_index',
      '/corpus/pagefind/filter/en_93436f6.pf_filter',
    ]) {
      expect(headersFor(rules, path)['Cache-Control'], path).toBe(immutableCaching);
    }
  });

  it('leave files whose names are not hashes of their content to the host’s revalidation', () => {
    for (const path of [
      '/corpus/pagefind/pagefind.js',
      '/corpus/pagefind/pagefind-entry.json',
      '/corpus/pagefind/wasm.en.pagefind',
      '/corpus/index.html',
      '/corpus/corpus.json',
    ]) {
      expect(headersFor(rules, path)['Cache-Control'], path).toBeUndefined();
    }
  });

  it('read back from the _headers file they are written to', () => {
    const file = formatHeadersFile(rules);
    expect(file).toContain("/corpus/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n");
    expect(file).toContain(`/corpus/_astro/*\n  Cache-Control: ${immutableCaching}\n`);
    expect(parseHeadersFile(file)).toEqual(rules);
  });

  it('say where a _headers line is wrong', () => {
    expect(() => parseHeadersFile('/*\n  X-Frame-Options DENY\n')).toThrow('_headers:2: expected "  Name: value" under a path, found "X-Frame-Options DENY"');
  });
});

describe('the nginx directives', () => {
  const nginx = nginxDirectives(siteHeaderRules("default-src 'self'; frame-ancestors 'none'", '/corpus/'));

  it('give each location every header of the rules that match it, since nginx sends only one location’s', () => {
    expect(nginx).toContain(
      [
        'location ^~ /corpus/_astro/ {',
        `    add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;`,
        '    add_header X-Content-Type-Options "nosniff" always;',
        '    add_header Referrer-Policy "strict-origin-when-cross-origin" always;',
        `    add_header Cache-Control "${immutableCaching}" always;`,
        '}',
      ].join('\n'),
    );
    expect(nginx).toContain('location ^~ /corpus/ {\n');
    expect(nginx.match(/^location /gmu)).toHaveLength(5);
  });

  it('refuse a pattern nginx has no location for', () => {
    expect(() => nginxDirectives([{ pattern: '/pagefind/*.pf_meta', headers: {} }])).toThrow('nginx has no location for the pattern /pagefind/*.pf_meta');
  });
});
