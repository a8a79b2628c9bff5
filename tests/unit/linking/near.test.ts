import { describe, expect, it } from 'vitest';
import { editDistance, isNearMiss, isSpellingVariant } from '../../../src/linking/near.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('mujahedeen', 'mujahedin')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('isNearMiss', () => {
  it('allows one edit in ten characters, and at least one', () => {
    expect(isNearMiss('albanian police raid mek camp', 'albanian police raids mek camp')).toBe(true);
    expect(isNearMiss('iran', 'iraq')).toBe(true);
    expect(isNearMiss('iran', 'oman')).toBe(false);
  });
});

describe('isSpellingVariant', () => {
  it.each([
    ['mujahedeen-e-khalq', 'mujahedin-e-khalq'],
    ['mujahedin-e-khalq', 'mojahedin-e khalq'],
    ["people's mujahedeen organisation of iran", "people's mujahideen organization of iran"],
    ['massoud rajavi', 'masoud rajavi'],
  ])('%j is a spelling of %j', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(true);
    expect(isSpellingVariant(b, a)).toBe(true);
  });

  it.each([
    ['iraq', 'iran', 'too short to tell'],
    ['republic of iraq', 'republic of iran', 'q and n are different letters'],
    ['state policy', 'state police', 'y and e: another word'],
    ['albanian state palace', 'albanian state police', 'too many edits in a short word'],
    ['albanian', 'albania', 'an ending added'],
    ['resolution 2231', 'resolution 2232', 'another number'],
    ['people’s mujahedin of iran', "people's mujahideen organization of iran", 'another number of words'],
    ['mujahedin-e-khalq', 'mujahedin-e-khalq', 'the same name'],
    ['tirana university', 'durres university', 'other initials'],
  ])('%j is not a spelling of %j: %s', (a, b) => {
    expect(isSpellingVariant(a, b)).toBe(false);
  });
});
