import { describe, expect, it } from 'vitest';
import { quote, reviewItems } from '../../../src/ingest/review.ts';
import { splitSourceParagraphs } from '../../../src/text/paragraphs.ts';

describe('quote', () => {
  it('quotes a short text whole', () => {
    expect(quote('clear')).toBe('"clear"');
  });

  it('cuts a long text at a word, with an ellipsis', () => {
    expect(quote('Police entered the compound of the MEK on Tuesday morning', 30)).toBe('"Police entered the compound…"');
  });
});

describe('reviewItems', () => {
  it('lists the headline, each suggested debris paragraph, each description and each spelling variant linked, by ¶', () => {
    const paragraphs = splitSourceParagraphs('clear\n\nPolice raid MEK camp\n\nPolice entered the compound.\n\nThe Mujahedeen-e-Khalq said so.');
    const layout = { headline: 2, debris: new Map([[1, 'a widget label']]) };
    const linked = [
      { entry: 'mek', paragraph: 4, text: 'Mujahedeen-e-Khalq', description: false, variantOf: 'Mujahedin-e-Khalq' },
      { entry: 'mek', paragraph: 2, text: 'MEK', description: false },
      { entry: 'ashraf-3', paragraph: 3, text: 'compound', description: true },
    ];
    expect(reviewItems(paragraphs, layout, linked)).toEqual([
      '¶ 1: suggested as debris (a widget label): "clear": keep the <Debris> or unwrap it',
      '¶ 2: taken as the headline (the # heading): "Police raid MEK camp"',
      '¶ 3: description "compound" linked to ashraf-3: confirm it or unwrap the <Mention>',
      '¶ 4: "Mujahedeen-e-Khalq" ≈ Mujahedin-e-Khalq (mek): linked; add it to the entry\'s aliases, or unwrap the <Mention>',
    ]);
  });

  it('is empty when ingest guessed nothing', () => {
    expect(reviewItems(splitSourceParagraphs('Text.'), { debris: new Map() }, [])).toEqual([]);
  });
});
