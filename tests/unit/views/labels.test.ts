import { describe, expect, it } from 'vitest';
import { placeLabels, textWidth } from '../../../src/views/labels.ts';

const frame = { width: 200, height: 100, fontSize: 10 };

describe('placeLabels', () => {
  it('puts a label to the right of its mark where there is room', () => {
    const placed = placeLabels([{ id: 'a', x: 20, y: 50, r: 5, text: 'Tirana', priority: 1 }], frame);
    expect(placed.get('a')).toEqual({ x: 28, y: 53.5, anchor: 'start' });
  });

  it('puts it to the left when the right would leave the frame', () => {
    const placed = placeLabels([{ id: 'a', x: 190, y: 50, r: 5, text: 'Tirana', priority: 1 }], frame);
    expect(placed.get('a')).toEqual({ x: 182, y: 53.5, anchor: 'end' });
  });

  it('places the more important label first and moves the other aside', () => {
    const placed = placeLabels(
      [
        { id: 'minor', x: 60, y: 52, r: 3, text: 'Manëz', priority: 1 },
        { id: 'major', x: 60, y: 50, r: 6, text: 'Ashraf 3', priority: 9 },
      ],
      frame,
    );
    expect(placed.get('major')).toEqual({ x: 69, y: 53.5, anchor: 'start' });
    expect(placed.get('minor')?.anchor).toBe('end');
  });

  it('leaves out a label that finds no room', () => {
    const placed = placeLabels([{ id: 'a', x: 10, y: 10, r: 9, text: 'A name far too long for this frame', priority: 1 }], {
      width: 40,
      height: 20,
      fontSize: 10,
    });
    expect(placed.has('a')).toBe(false);
  });
});

describe('textWidth', () => {
  it('estimates a width in proportion to the characters and the size', () => expect(textWidth('Tirana', 10)).toBeCloseTo(36, 5));
});
