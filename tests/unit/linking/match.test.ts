import { describe, expect, it } from 'vitest';
import { buildMatcher, findMentions, forDocument, matchText, type Matcher } from '../../../src/linking/match.ts';
import { testGlossary } from './test-glossary.ts';

/** The text with each mention written [words|entry]. */
function marked(text: string, matcher: Matcher): string {
  let result = '';
  let last = 0;
  for (const match of findMentions(text, matcher)) {
    result += `${text.slice(last, match.start)}[${match.text}|${match.entry}]`;
    last = match.end;
  }
  return result + text.slice(last);
}

const matcher = buildMatcher(testGlossary);

describe('findMentions', () => {
  it('finds every occurrence, whatever the case and diacritics', () => {
    expect(marked('Cuci met Çuçi, and BLEDI ÇUÇI met Bledi Cuci.', matcher)).toBe(
      '[Cuci|bledi-cuci] met [Çuçi|bledi-cuci], and [BLEDI ÇUÇI|bledi-cuci] met [Bledi Cuci|bledi-cuci].',
    );
  });

  it('finds names written with decomposed diacritics, keeping the marks inside the mention', () => {
    expect(marked('Minister C\u0327uc\u0327i spoke.', matcher)).toBe('Minister [C\u0327uc\u0327i|bledi-cuci] spoke.');
  });

  it('reports offsets into the text as written and whether a description matched', () => {
    expect(findMentions('See  Bledi\n Cuci.', matcher)).toEqual([{ entry: 'bledi-cuci', start: 5, end: 16, text: 'Bledi\n Cuci', description: false }]);
  });

  it("leaves a possessive ’s or 's outside the mention", () => {
    expect(marked("MEK’s members and MEK's leaders", matcher)).toBe("[MEK|mek]’s members and [MEK|mek]'s leaders");
  });

  it('never matches inside a longer word, but does next to a hyphen', () => {
    expect(marked('MEKs, AMEK, Cucis, Tehrani, anti-Tehran, Albania-based', matcher)).toBe(
      'MEKs, AMEK, Cucis, Tehrani, anti-[Tehran|tehran], [Albania|albania]-based',
    );
  });

  it('lets the longest name win, left to right and without overlap', () => {
    expect(marked('the Albanian State Police and the State Police; PMOI/MEK', matcher)).toBe(
      'the [Albanian State Police|albanian-state-police] and the [State Police|albanian-state-police]; [PMOI/MEK|mek]',
    );
  });

  it('matches an acronym only where it is written in capitals', () => {
    expect(marked('the US assured us; Us and USA and the U.S. agreed', matcher)).toBe(
      'the [US|united-states] assured us; Us and [USA|united-states] and the [U.S.|united-states] agreed',
    );
  });

  it('matches other names only where written with a capital', () => {
    expect(marked('the state police and the State police', matcher)).toBe('the state police and the [State police|albanian-state-police]');
  });

  it('matches across line breaks and typographic variants of quotes and apostrophes', () => {
    expect(marked('Bledi\n  Cuci and People\'s Mujahedin of Iran in the "Ashraf" camp', matcher)).toBe(
      '[Bledi\n  Cuci|bledi-cuci] and [People\'s Mujahedin of Iran|mek] in the ["Ashraf" camp|ashraf-3]',
    );
  });

  it('skips a span that `allowed` rules out and tries the next name', () => {
    const text = 'Albanian State Police';
    expect(findMentions(text, matcher, (start) => start > 0).map((match) => match.text)).toEqual(['State Police']);
  });
});

describe('spelling variants', () => {
  it('links a proper name spelled another way to the entry, saying which name it varies', () => {
    expect(findMentions("The People's Mujahedeen Organisation of Iran said so.", matcher)).toEqual([
      {
        entry: 'mek',
        start: 4,
        end: 44,
        text: "People's Mujahedeen Organisation of Iran",
        description: false,
        variantOf: 'People’s Mujahideen Organization of Iran',
      },
    ]);
  });

  it('links the variant inside a longer run of capitalised words', () => {
    expect(marked('Spokesman Ali Safavi of People’s Mujahedeen of Iran', matcher)).toBe('Spokesman Ali Safavi of [People’s Mujahedeen of Iran|mek]');
  });

  it('never takes short names, other consonants, an added ending or another word for variants', () => {
    const text = 'Iraq and Tehrani; the State Policy, Albanian State Polices and the Albanian State Palace; Special Courts';
    expect(marked(text, matcher)).toBe(text);
  });
});

describe('names inside longer names', () => {
  it('links no name that stands after "of" in a longer name no entry knows, and says why', () => {
    expect(matchText('At the University of Tehran and the National Council of Resistance of Iran.', matcher)).toEqual({
      mentions: [],
      passedOver: [
        {
          entry: 'tehran',
          start: 21,
          end: 27,
          text: 'Tehran',
          reason: 'it stands inside the longer name "University of Tehran", which no entry knows',
        },
        {
          entry: 'iran',
          start: 70,
          end: 74,
          text: 'Iran',
          reason: 'it stands inside the longer name "National Council of Resistance of Iran", which no entry knows',
        },
      ],
    });
  });

  it('links a place named after a title or a state\'s form, and a name before "of" or without one', () => {
    expect(marked('The Prime Minister of Albania, the Republic of Iran; Tehran University; Bledi Cuci of Tirana', matcher)).toBe(
      'The Prime Minister of [Albania|albania], the Republic of [Iran|iran]; [Tehran|tehran] University; [Bledi Cuci|bledi-cuci] of Tirana',
    );
  });
});

describe('buildMatcher', () => {
  it('links the name inside an alias that only adds lower-case words to it', () => {
    expect(marked('the Albanian Police operation at the MEK camp; a breakdown of diplomatic relations with Tehran', matcher)).toBe(
      'the [Albanian Police|albanian-state-police] operation at the [MEK|mek] camp; a breakdown of diplomatic relations with [Tehran|tehran]',
    );
  });

  it('skips names shorter than two characters, names two entries share and aliases that only add lower-case words, saying why', () => {
    expect(marked('A Special Court', matcher)).toBe('A Special Court');
    expect(matcher.skipped).toEqual([
      { entry: 'albania', text: 'A', reason: 'shorter than 2 characters' },
      { entry: 'one', text: 'Special Court', reason: 'ambiguous: also a name of two' },
      { entry: 'two', text: 'Special court', reason: 'ambiguous: also a name of one' },
      {
        entry: 'police-operation',
        text: 'Albanian Police operation',
        reason: 'only adds lower-case words to "Albanian Police" (albanian-state-police), which is linked instead',
      },
      { entry: 'ashraf-3', text: 'MEK camp', reason: 'only adds lower-case words to "MEK" (mek), which is linked instead' },
      {
        entry: 'rupture',
        text: 'breakdown of diplomatic relations with Tehran',
        reason: 'only adds lower-case words to "Tehran" (tehran), which is linked instead',
      },
    ]);
  });
});

describe('forDocument', () => {
  const text = 'after the police raid on the compound, a police operation';

  it('links no description in a document that names neither its entry nor its context', () => {
    expect(marked(text, matcher)).toBe(text);
    expect(marked(text, forDocument(matcher, new Set(['tehran'])))).toBe(text);
  });

  it('links the descriptions of the entries a document names, and of those whose context it names', () => {
    // ashraf-3 is in the context of the police operation, and the MEK in that of Ashraf 3.
    expect(marked(text, forDocument(matcher, new Set(['ashraf-3'])))).toBe(
      'after the [police raid|police-operation] on the [compound|ashraf-3], a [police operation|police-operation]',
    );
    expect(marked(text, forDocument(matcher, new Set(['mek'])))).toBe('after the police raid on the [compound|ashraf-3], a police operation');
  });

  it('matches a description only where it is written in lower case, and says it is one', () => {
    const document = forDocument(matcher, new Set(['ashraf-3']));
    expect(marked('Operation Mersad; the operation', document)).toBe('Operation Mersad; the [operation|police-operation]');
    expect(findMentions('the operation', document)).toEqual([{ entry: 'police-operation', start: 4, end: 13, text: 'operation', description: true }]);
  });

  it('leaves a description to the editor where it would refer to two entries', () => {
    const both = forDocument(matcher, new Set(['ashraf-3', 'prison']));
    expect(marked('the compound', both)).toBe('the compound');
    expect(both.skipped.slice(matcher.skipped.length)).toEqual([
      { entry: 'ashraf-3', text: 'compound', reason: 'ambiguous here: also a description of prison' },
      { entry: 'prison', text: 'compound', reason: 'ambiguous here: also a description of ashraf-3' },
    ]);
    expect(marked('the compound', forDocument(matcher, new Set(['prison'])))).toBe('the [compound|prison]');
  });
});
