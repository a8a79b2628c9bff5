import { describe, expect, it } from 'vitest';
import { comparePartialDates, formatPartialDate, yearOf } from '../../../src/views/dates.ts';

describe('formatPartialDate', () => {
  it('writes a day as day, month and year', () => expect(formatPartialDate('2023-06-20')).toBe('20 June 2023'));
  it('writes a month as month and year', () => expect(formatPartialDate('1997-10')).toBe('October 1997'));
  it('writes a year alone', () => expect(formatPartialDate('1979')).toBe('1979'));
  it('drops the leading zero of a day', () => expect(formatPartialDate('2022-09-07')).toBe('7 September 2022'));
});

describe('comparePartialDates', () => {
  it('orders a year before its months and a month before its days', () => {
    expect(['1979-02-11', '1979', '1978', '1979-02'].sort(comparePartialDates)).toEqual(['1978', '1979', '1979-02', '1979-02-11']);
  });
});

describe('yearOf', () => {
  it('reads the year of any precision', () => expect([yearOf('2023-06-20'), yearOf('1997-10'), yearOf('1979')]).toEqual([2023, 1997, 1979]));
});
