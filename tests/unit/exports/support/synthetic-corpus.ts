/** A corpus of any size, made in memory, for what the exports do across documents. */
import type { CorpusDocument, CorpusModel } from '../../../../src/corpus/model.ts';

/** A document of two paragraphs with one mention and one note reference, or, for every third, none. */
function syntheticDocument(index: number): CorpusDocument {
  const blocks: CorpusDocument['blocks'] = [
    {
      number: 1,
      kind: 'paragraph',
      debris: false,
      text: 'A b c.',
      line: 1,
      mentions: [{ entry: 'a', start: 0, end: 1, sentence: [0, 6], line: 1, column: 1 }],
      footnoteLabels: ['n'],
      footnoteOffsets: [6],
    },
    { number: 2, kind: 'paragraph', debris: false, text: 'No annotations.', line: 3, mentions: [], footnoteLabels: [], footnoteOffsets: [] },
  ];
  return {
    slug: `d${index}`,
    file: `content/corpus/d${index}.mdx`,
    notes: { references: [], notes: [] },
    meta: { title: 'T', publisher: 'P', authors: [], published: '2024-01-01', language: 'en', source: 's.txt', sha256: '0'.repeat(64) },
    blocks: index % 3 === 2 ? blocks.slice(1) : blocks,
    paragraphCount: 2,
    debrisCount: 0,
    wordCount: 5,
    noteCount: 1,
  };
}

/**
 * How many properties of the model's documents `work` reads on a corpus of
 * `count` synthetic documents: the work it does across documents, counted
 * rather than timed, so that the answer does not depend on the machine.
 * `base` gives the model's other fields.
 */
export function documentReads(base: CorpusModel, count: number, work: (model: CorpusModel) => unknown): number {
  let reads = 0;
  const documents = Array.from(
    { length: count },
    (_, index) =>
      new Proxy(syntheticDocument(index), {
        get(target, property, receiver) {
          reads += 1;
          return Reflect.get(target, property, receiver);
        },
      }),
  );
  work({ ...base, documents });
  // A count of 0 would make any comparison of counts hold.
  if (reads === 0) throw new Error('the work read no document');
  return reads;
}
