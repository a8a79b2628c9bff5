declare module 'virtual:corpus' {
  const model: import('./lib/corpus.ts').CorpusModel;
  export default model;
}
