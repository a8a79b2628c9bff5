/**
 * How far apart two pieces of text are, for suggestions that an editor
 * confirms: a headline written slightly differently, a name spelled another
 * way ("Mujahedeen" and "Mujahedin").
 */

/** Levenshtein distance: the fewest insertions, deletions and substitutions of one UTF-16 unit that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** At most one edit per `perEdit` characters of the longer text, and at least one difference allowed. */
export function isNearMiss(a: string, b: string, perEdit = 10): boolean {
  const allowed = Math.max(1, Math.floor(Math.max(a.length, b.length) / perEdit));
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}
