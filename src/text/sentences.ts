const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Each range of `text` with the sentences around it: from where the sentence
 * its start lies in starts to where the sentence its end closes ends. The
 * text is split into sentences once, whatever the number of ranges.
 */
export function withSentences<T extends { start: number; end: number }>(
  text: string,
  ranges: readonly T[],
): (T & { sentence: [start: number, end: number] })[] {
  if (ranges.length === 0) return [];
  const bounds = [...sentences.segment(text)].map((segment) => segment.index);
  bounds.push(text.length);
  return ranges.map((range) => ({ ...range, sentence: around(text, bounds, range.start, range.end) }));
}

/** `bounds`: the offsets at which the sentences of `text` start, with its length last. */
function around(text: string, bounds: readonly number[], start: number, end: number): [number, number] {
  let from = 0;
  let to = text.length;
  for (let index = 0; index < bounds.length - 1; index += 1) {
    const segmentStart = bounds[index] ?? 0;
    const segmentEnd = bounds[index + 1] ?? text.length;
    if (segmentStart <= start && start < segmentEnd) from = segmentStart;
    if (segmentStart < end && end <= segmentEnd) {
      to = segmentEnd;
      break;
    }
  }
  return [from, to];
}
