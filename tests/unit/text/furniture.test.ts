import { describe, expect, it } from 'vitest';
import { furnitureSpans } from '../../../src/text/furniture.ts';

const furniture = (text: string) => furnitureSpans(text).map(({ start, end }) => text.slice(start, end));

describe('furnitureSpans', () => {
  it('finds photo credits: slashed names with an agency or a name in capitals, and their label', () => {
    expect(furniture('He died. Photo: NICOLAS MAETERLINCK/Belga/AFP')).toEqual(['Photo: NICOLAS MAETERLINCK/Belga/AFP']);
    expect(furniture('John Smith / Reuters')).toEqual(['John Smith / Reuters']);
  });

  it('leaves names joined by a slash that are no credit', () => {
    expect(furniture('The PMOI/MEK and Tirana/Durres')).toEqual([]);
  });

  it('finds a link line that opens a line or a sentence, to the end of the line', () => {
    expect(furniture('It ended.\nREAD: The deal, explained\nMore text')).toEqual(['READ: The deal, explained']);
    expect(furniture('It ended. Related: The deal')).toEqual(['Related: The deal']);
    expect(furniture('They read: the deal')).toEqual([]);
  });
});
