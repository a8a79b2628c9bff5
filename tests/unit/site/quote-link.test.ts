import { describe, expect, it } from 'vitest';
import { quoteUrl, textDirective } from '../../../src/site/quote-link.ts';

describe('textDirective', () => {
  it('encodes the characters that text directives reserve', () => {
    expect(textDirective('Mujahedin-e-Khalq, PMOI & MEK')).toBe('text=Mujahedin%2De%2DKhalq%2C%20PMOI%20%26%20MEK');
  });

  it('addresses a long quote by its first and last words', () => {
    const quote =
      'As a result of this criminal attack, a member of the Mujahedin-e-Khalq (PMOI/MEK), Mr. Ali Mostashari, was killed and more than 100 people were injured due to police firing pepper spray.';
    expect(textDirective(quote)).toBe('text=As%20a%20result%20of%20this,to%20police%20firing%20pepper%20spray.');
  });
});

describe('quoteUrl', () => {
  it('keeps the paragraph anchor, adds the text fragment and the highlight parameter', () => {
    expect(quoteUrl('https://corpus.example.org/documents/a/#p8', 'head of  of')).toBe(
      'https://corpus.example.org/documents/a/?highlight=head+of+of#p8:~:text=head%20of%20of',
    );
  });
});
