/**
 * Dates as precise as the sources allow: a day (`2023-06-20`), a month
 * (`2022-09`) or a year (`1979`), as entries' `when` records them.
 */

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2023-06-20` → `20 June 2023`, `1997-10` → `October 1997`, `1979` → `1979`. */
export function formatPartialDate(date: string): string {
  const [year = '', month, day] = date.split('-');
  const monthName = month === undefined ? undefined : months[Number(month) - 1];
  if (monthName === undefined) return year;
  return day === undefined ? `${monthName} ${year}` : `${Number(day)} ${monthName} ${year}`;
}

/** The year of a partial date, as a number. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/**
 * Orders partial dates by their first day: a year before its months, a month
 * before its days (`1979` < `1979-02` < `1979-02-11`), since the text sorts so.
 */
export function comparePartialDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
