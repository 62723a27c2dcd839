/** "Did you mean" suggestions: the closest candidate by edit distance, if it is close enough. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= tolerance ? best : undefined;
}

export const didYouMean = (word: string, candidates: Iterable<string>): string => {
  const list = [...candidates];
  const best = closest(word, list);
  if (best !== undefined) return `Did you mean '${best}'?`;
  return list.length > 0 ? `Expected one of: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}.` : '';
};

/**
 * The hint for an unknown field: the close match, or else every allowed field, nearest first
 * (an object has a few dozen fields at most, so none is cut off).
 */
export function fieldHint(word: string, fields: Iterable<string>): string {
  const list = [...fields];
  const best = closest(word, list);
  if (best !== undefined) return `Did you mean '${best}'?`;
  return list.length > 0 ? `Fields here, nearest first: ${nearestFirst(word, list).join(', ')}.` : '';
}

/** Candidates by edit distance to `word`, ties in their given order. */
export function nearestFirst(word: string, candidates: readonly string[]): string[] {
  const lower = word.toLowerCase();
  return candidates
    .map((c, i) => ({ c, i, d: editDistance(lower, c.toLowerCase()) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((x) => x.c);
}

/**
 * Edit distance where swapping two neighbouring letters counts as one edit (optimal string
 * alignment), since transpositions such as 'ehco' for 'echo' are the commonest typos.
 */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Math.abs(a.length - b.length);
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, (before[j - 2] ?? 0) + 1);
      cur[j] = d;
    }
    before = prev;
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
