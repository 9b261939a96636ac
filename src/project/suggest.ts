/** Levenshtein distance, small and exact: the candidate lists are short (a section's keys). */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

export function foldAccents(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * The known word closest to what the user typed, if it is close enough to be a typo
 * (`porteur` → `porteurs`, `téléphone` → `telephone`); undefined otherwise.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const w = foldAccents(word);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, foldAccents(c));
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const tolerance = Math.max(2, Math.floor(w.length / 3));
  return best !== undefined && bestDistance <= tolerance ? best : undefined;
}
