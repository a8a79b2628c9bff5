declare module 'virtual:corpus' {
  const model: import('./lib/corpus.ts').CorpusModel;
  export default model;
  /** Recorded redirects of vanished anchor URLs: old URL → new URL. */
  export const redirects: Record<string, string>;
}
