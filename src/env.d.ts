declare module 'virtual:corpus' {
  /** The page model but for the glossary entries, which pages read from the page store (src/data/corpus.ts). */
  const model: Omit<import('./site/page-model.ts').PageModel, 'entries'>;
  export default model;
  /** Recorded redirects of vanished anchor URLs: old URL → new URL. */
  export const redirects: Record<string, string>;
  /** Where the corpus check stored each document's rendered text, each entry's mentions, page by page, and the entries. */
  export const pageStore: string;
  /** Where the build writes the scripts and styles that pages link to, by names that change with their content. */
  export const assetsDir: string;
  /** Content problems, as `file:line: message`: only ever non-empty under `astro dev`, since a build stops on them. */
  export const problems: string[];
}

declare module '*.cff?raw' {
  const citationFile: string;
  export default citationFile;
}

declare module '*/rehype-citation/dist/node/styles/mla.js' {
  const style: string;
  export default style;
}

declare module '@citation-js/core';
declare module '@citation-js/name';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
