/**
 * Precision, recall and F1 of extracted items against expected ones: the one scorer of `npm run eval`
 * (scripts/eval.ts) and of the extraction corpus tests. Pure: no files, no console.
 */

/** Counts behind one line of the table. */
export interface Score {
  /** extracted items that matched */
  truePositives: number;
  /** extracted items */
  predicted: number;
  /** expected items that were found */
  found: number;
  /** expected items */
  expected: number;
}

/** A score with every count 0. */
export function emptyScore(): Score {
  return { truePositives: 0, predicted: 0, found: 0, expected: 0 };
}

/** Precision, recall and F1 of `s`; precision is 1 when nothing was extracted and nothing expected, else 0. */
export function rates(s: Score): { precision: number; recall: number; f1: number } {
  const precision = s.predicted === 0 ? (s.expected === 0 ? 1 : 0) : s.truePositives / s.predicted;
  const recall = s.expected === 0 ? 1 : s.found / s.expected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/**
 * Pair expected and extracted items one to one, as many pairs as `matches` allows (a maximum bipartite matching,
 * found with augmenting paths; expected items are tried in order, candidates in order, so the pairing is
 * deterministic). Each extracted item counts once in `predicted` and is right only when paired: a duplicated row
 * is one right and one wrong. Adds to `score` and returns the pairs, in the order of `expected`.
 */
export function matchOneToOne<E, P>(expected: readonly E[], predicted: readonly P[], matches: (e: E, p: P) => boolean, score: Score): Array<[E, P]> {
  const candidates = expected.map((e) => predicted.flatMap((p, j) => (matches(e, p) ? [j] : [])));
  /** owner[j]: the expected item extracted item j is paired with, or -1 */
  const owner = predicted.map(() => -1);
  const augment = (i: number, seen: boolean[]): boolean => {
    for (const j of candidates[i]!) {
      if (seen[j]) continue;
      seen[j] = true;
      if (owner[j] === -1 || augment(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  for (let i = 0; i < expected.length; i++) augment(i, predicted.map(() => false));
  const pairs: Array<[E, P]> = [];
  for (let i = 0; i < expected.length; i++) {
    const j = owner.indexOf(i);
    if (j !== -1) pairs.push([expected[i]!, predicted[j]!]);
  }
  score.expected += expected.length;
  score.found += pairs.length;
  score.predicted += predicted.length;
  score.truePositives += pairs.length;
  return pairs;
}

/**
 * The directive rule of the issue: an expected item is found when some extracted item matches it; an extracted
 * item is right when it matches some expected item, and counts once however many it matches (one sentence may carry
 * several labelled keys: `一是…;二是…`). The caller must give distinct items (directive rows never share a span).
 * Adds to `score`; returns each expected item found with the first extracted item that matched it.
 */
export function matchAny<E, P>(expected: readonly E[], predicted: readonly P[], matches: (e: E, p: P) => boolean, score: Score): Array<[E, P]> {
  const pairs: Array<[E, P]> = [];
  for (const e of expected) {
    const p = predicted.find((candidate) => matches(e, candidate));
    if (p !== undefined) pairs.push([e, p]);
  }
  score.expected += expected.length;
  score.found += pairs.length;
  score.predicted += predicted.length;
  score.truePositives += predicted.filter((p) => expected.some((e) => matches(e, p))).length;
  return pairs;
}

/** Add a field comparison of a matched pair (what we said, what the reader said), each value counted once. */
export function scoreField(s: Score, ours: readonly string[], theirs: readonly string[]): void {
  const left = [...theirs];
  let right = 0;
  for (const v of ours) {
    const k = left.indexOf(v);
    if (k !== -1) {
      left.splice(k, 1);
      right++;
    }
  }
  s.predicted += ours.length;
  s.expected += theirs.length;
  s.truePositives += right;
  s.found += right;
}
