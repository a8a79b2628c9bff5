import { describe, expect, it } from 'vitest';
import { paragraphSearchTitle, typesOfParagraphTitle } from '../../../src/site/search-records.ts';

describe('paragraph search titles', () => {
  it('name the paragraph and the types of entity it mentions, and read back', () => {
    const title = paragraphSearchTitle(7, ['Places', 'People']);
    expect(title).toBe('¶ 7 · People, Places');
    expect(typesOfParagraphTitle(title)).toEqual(['People', 'Places']);
    expect(paragraphSearchTitle(3, [])).toBe('¶ 3');
    expect(typesOfParagraphTitle('¶ 3')).toEqual([]);
  });
});
