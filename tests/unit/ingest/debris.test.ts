import { describe, expect, it } from 'vitest';
import { debrisReason, draftLayout, isHeadline } from '../../../src/ingest/debris.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

describe('debrisReason', () => {
  it.each([
    ['clear', 'a widget label'],
    ['Share', 'a widget label'],
    ['Skip to content', 'a widget label'],
    ['READ: Albania’s deal with the MEK, explained', 'a link to other posts'],
    ['Related: Police raid the camp', 'a link to other posts'],
    ['Also read – The MEK in Albania', 'a link to other posts'],
    ['Related posts', 'a link to other posts'],
    ['ashraf-raid-1200x800.jpg', 'an image size or file name'],
    ['Image 640 × 480', 'an image size or file name'],
    ['NICOLAS MAETERLINCK/Belga/AFP', 'a photo credit'],
    ['Photo: Reuters', 'a photo credit'],
    ['© Getty Images', 'a photo credit'],
    ['Share this article on Facebook', 'a share or subscribe line'],
    ['Subscribe to our newsletter', 'a share or subscribe line'],
    ['20 June 2023 14:05', 'a dateline'],
    ['Tirana, 20 June 2023', 'a dateline'],
    ['Updated: June 20, 2023 at 2:05 pm', 'a dateline'],
    ['2023-06-20', 'a dateline'],
    ['Balkan Wire – News from the Balkans', "the site's name or tagline"],
    ['more stories', 'a short label, not a sentence'],
  ])('%j is debris: %s', (text, reason) => {
    expect(debrisReason(text, 'Balkan Wire')).toBe(reason);
  });

  it.each([
    'Police entered the compound on Tuesday, Interior Minister Bledi Cuci said.',
    'Balkan Wire reported that the police entered the camp.',
    'Tirana',
    'MEK',
    'He said it was clear.',
    'The group said the raid of 20 June 2023 was unlawful.',
  ])('%j is article text', (text) => {
    expect(debrisReason(text, 'Balkan Wire')).toBeUndefined();
  });
});

describe('isHeadline', () => {
  it('is true for the title as printed, whatever its case, diacritics and punctuation', () => {
    expect(isHeadline('Albanian police raid MEK camp near Durres', 'Albanian Police Raid MEK Camp Near Durrës')).toBe(true);
  });

  it('is true for a title that differs by a letter in ten', () => {
    expect(isHeadline('Albanian police raids MEK camp', 'Albanian police raid MEK camp')).toBe(true);
  });

  it('is false for a different sentence', () => {
    expect(isHeadline('Albanian police leave MEK camp', 'Albanian police raid MEK camp')).toBe(false);
  });
});

describe('draftLayout', () => {
  it('takes the first paragraph that is the title as the headline wherever it stands, and suggests debris for the others', () => {
    const paragraphs = splitSourceParagraphs('clear\n\nTirana, 20 June 2023\n\nPolice raid MEK camp\n\nThe police entered the camp.\n\nPolice raid MEK camp');
    expect(draftLayout(paragraphs, 'Police Raid MEK Camp')).toEqual({
      headline: 3,
      debris: new Map([
        [1, 'a widget label'],
        [2, 'a dateline'],
      ]),
    });
  });

  it('has no headline when no paragraph is the title', () => {
    expect(draftLayout(splitSourceParagraphs('The police entered the camp.'), 'Other')).toEqual({ debris: new Map() });
  });
});
