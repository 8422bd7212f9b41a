// The search query, planned and scored in code: the database finds candidate tokens by index look-ups
// (persons.repo findTokenCandidates) and ranks persons from the scores given here (searchPersons). Keeping the
// scoring here makes it testable without a database and reusable by an in-memory index later.
import {
  deletionVariants,
  joinedPairs,
  nameTokens,
  normaliseDocumentNumber,
  phoneticKey,
  usefulPhoneticKey,
} from './person-names';

export type QueryUnit = {
  text: string;
  phonetic: string | null;
  variants: string[];
  /** the query positions (1-based) the unit covers: one word, or two joined neighbours */
  positions: readonly [number, number];
};

export type QueryPlan = {
  units: QueryUnit[];
  /** how many words the query has: a person's score is the sum over them divided by this */
  positions: number;
  /** q as a document or permit number, when it could be one */
  number: string | null;
};

/** Words beyond this add little and cost a join each. */
const maxQueryWords = 6;

export function planQuery(q: string): QueryPlan {
  const words = nameTokens(q)
    .filter((w) => /\p{L}/u.test(w) && !/\p{N}/u.test(w))
    .slice(0, maxQueryWords);
  const unit = (text: string, positions: readonly [number, number]): QueryUnit => ({
    text,
    phonetic: usefulPhoneticKey(text),
    variants: deletionVariants(text),
    positions,
  });
  const units = [
    ...words.map((w, i) => unit(w, [i + 1, i + 1])),
    ...joinedPairs(words).map((w, i) => unit(w, [i + 1, i + 2])),
  ];
  const compact = normaliseDocumentNumber(q);
  const number = /\d/.test(compact) && /^[A-Z0-9]{4,30}$/.test(compact) ? compact : null;
  return { units, positions: words.length, number };
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
export function editDistance(a: string, b: string): number {
  const s = Array.from(a);
  const t = Array.from(b);
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i += 1) {
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      let best = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, ((d[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = best;
    }
  }
  return (d[s.length] as number[])[t.length] as number;
}

function trigrams(word: string): Set<string> {
  const padded = `  ${word} `;
  const chars = Array.from(padded);
  const set = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i += 1) {
    set.add(chars.slice(i, i + 3).join(''));
  }
  return set;
}

/** pg_trgm's similarity of two words: shared trigrams over all trigrams. */
export function trigramSimilarity(a: string, b: string): number {
  const x = trigrams(a);
  const y = trigrams(b);
  let shared = 0;
  for (const g of x) {
    if (y.has(g)) {
      shared += 1;
    }
  }
  return shared / (x.size + y.size - shared);
}

/**
 * How much a stored token looks like a query token, 0–1: equal 1; one edit 0.8–0.92 (more for longer words, where
 * one edit is less of the word); two edits in a long word 0.65–0.78; the same phonetic key (Mohammed/Muhammad) 0.8;
 * the start of a longer word (typed partly) up to 0.95; otherwise the trigram similarity, damped.
 */
export function scoreToken(query: string, token: string): number {
  if (query === token) {
    return 1;
  }
  const length = Math.max(Array.from(query).length, Array.from(token).length);
  let score = 0;
  const distance = editDistance(query, token);
  if (distance === 1) {
    score = length >= 5 ? 0.92 : length === 4 ? 0.88 : 0.8;
  } else if (distance === 2 && length >= 5) {
    score = length >= 7 ? 0.78 : 0.65;
  }
  const key = usefulPhoneticKey(query);
  if (key !== null && key === phoneticKey(token)) {
    score = Math.max(score, 0.8);
  }
  const queryLength = Array.from(query).length;
  if (queryLength >= 3 && token.startsWith(query)) {
    score = Math.max(score, 0.55 + (0.4 * queryLength) / Array.from(token).length);
  }
  return Math.max(score, 0.9 * trigramSimilarity(query, token));
}

/** Below this a token match is noise. */
const minTokenScore = 0.5;

/** Scores the candidate tokens the database found for each unit (1-based unit index, as the SQL numbers them). */
export function scoreCandidates(
  plan: QueryPlan,
  candidates: readonly { ui: number; id: number; token: string }[],
): { tokenId: number; unit: number; score: number }[] {
  const result: { tokenId: number; unit: number; score: number }[] = [];
  for (const c of candidates) {
    const unit = plan.units[c.ui - 1];
    if (!unit) {
      continue;
    }
    const score = scoreToken(unit.text, c.token);
    if (score >= minTokenScore) {
      result.push({ tokenId: c.id, unit: c.ui, score: Math.round(score * 1000) / 1000 });
    }
  }
  return result;
}
