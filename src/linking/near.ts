/**
 * How far apart two pieces of text are, for suggestions that an editor
 * confirms: a headline written slightly differently, a name spelled another
 * way ("Mujahedeen" and "Mujahedin").
 */

/** What each edit costs; an edit that costs Infinity is never made. */
interface EditCosts {
  substitute(from: string, to: string): number;
  /** Inserting or deleting `char` of `word` at `index`. */
  insertOrDelete(word: string, index: number): number;
}

const unitCosts: EditCosts = { substitute: () => 1, insertOrDelete: () => 1 };

/**
 * Levenshtein distance: the least total cost of insertions, deletions and
 * substitutions of one UTF-16 unit that turn `a` into `b` (by default each
 * costs 1).
 */
export function editDistance(a: string, b: string, costs: EditCosts = unitCosts): number {
  let previous = [0];
  for (let j = 1; j <= b.length; j += 1) previous[j] = (previous[j - 1] ?? 0) + costs.insertOrDelete(b, j - 1);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [(previous[0] ?? 0) + costs.insertOrDelete(a, i - 1)];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = a[i - 1] === b[j - 1] ? 0 : costs.substitute(a[i - 1] ?? '', b[j - 1] ?? '');
      current[j] = Math.min(
        (previous[j] ?? 0) + costs.insertOrDelete(a, i - 1),
        (current[j - 1] ?? 0) + costs.insertOrDelete(b, j - 1),
        (previous[j - 1] ?? 0) + substitution,
      );
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

const vowels = new Set('aeiou');
/** Consonants that transliterations of one name swap: Organisation/Organization, Khalq/Khalk. */
const swappedConsonants = new Set(['s z', 'z s', 'c k', 'k c', 'k q', 'q k']);

/**
 * The edits by which transliterations of one name differ, and nothing else:
 * a vowel for another (Mujahedin, Mojahedin), a vowel, an "h", an apostrophe
 * or a doubled letter more or less (Mujahedeen, Massoud, Masoud), s for z.
 * "Police" and "Policy", or "Iraq" and "Iran", differ by other edits, so they
 * are never variants of each other, however long the names around them.
 */
const spellingCosts: EditCosts = {
  substitute: (from, to) => ((vowels.has(from) && vowels.has(to)) || swappedConsonants.has(`${from} ${to}`) ? 1 : Number.POSITIVE_INFINITY),
  insertOrDelete: (word, index) => {
    const char = word[index] ?? '';
    return vowels.has(char) || char === 'h' || char === "'" || word[index - 1] === char || word[index + 1] === char ? 1 : Number.POSITIVE_INFINITY;
  },
};

/** Folded names shorter than this are never taken for variants: "Iran" and "Iraq", "Cuci" and "Cucu" are different names. */
export const shortestVariant = 8;

/**
 * Whether two folded names are spellings of one name (transliterations, as
 * "mujahedeen-e-khalq" and "mujahedin-e-khalq"), not the same: as many words,
 * each with the same initial, differing by spelling edits only (see
 * spellingCosts), at most one in eight characters over the name and one in
 * four in any word, so that a short word must match exactly. Neither may
 * merely add an ending to the other ("Albanian", "Albania").
 */
export function isSpellingVariant(a: string, b: string): boolean {
  const allowed = Math.floor(Math.max(a.length, b.length) / shortestVariant);
  if (a === b || Math.min(a.length, b.length) < shortestVariant || Math.abs(a.length - b.length) > allowed || a.startsWith(b) || b.startsWith(a)) return false;
  const wordsOf = (name: string) => name.split(/[\s-]+/u).filter(Boolean);
  const wordsA = wordsOf(a);
  const wordsB = wordsOf(b);
  if (wordsA.length !== wordsB.length) return false;
  let total = 0;
  for (const [index, word] of wordsA.entries()) {
    const other = wordsB[index] ?? '';
    if (word[0] !== other[0]) return false;
    const distance = editDistance(word, other, spellingCosts);
    if (distance > Math.floor(Math.max(word.length, other.length) / 4)) return false;
    total += distance;
  }
  return total <= allowed;
}
