// The search query, planned and scored in code: how a query is cut into words and joined pairs, and how much a
// stored token looks like a query word. The in-memory name index (person-search.index.ts) ranks names with these
// scores; keeping them pure makes them testable without a database.
import { variantSpellings } from './person-name-variants';
import { joinedPairs, nameTokens, normaliseDocumentNumber, phoneticKey, usefulPhoneticKey } from './person-names';

export type QueryUnit = {
  text: string;
  phonetic: string | null;
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

/** Words beyond this add little to a name search. */
export const maxQueryWords = 6;

export function planQuery(q: string): QueryPlan {
  const compact = normaliseDocumentNumber(q);
  const number = /\d/.test(compact) && /^[A-Z0-9]{4,30}$/.test(compact) ? compact : null;
  const words = nameTokens(q)
    // a number typed in groups ("E 1234 5678") is not a name "E"
    .filter((w) => /\p{L}/u.test(w) && !/\p{N}/u.test(w) && (number === null || Array.from(w).length > 1))
    .slice(0, maxQueryWords);
  const unit = (text: string, positions: readonly [number, number]): QueryUnit => ({
    text,
    phonetic: usefulPhoneticKey(text),
    positions,
  });
  const units = [
    ...words.map((w, i) => unit(w, [i + 1, i + 1])),
    ...joinedPairs(words).map((w, i) => unit(w, [i + 1, i + 2])),
  ];
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

const surrogate = /[\uD800-\uDFFF]/;
const rowA = new Int32Array(64);
const rowB = new Int32Array(64);
const rowC = new Int32Array(64);

/** editDistance when it is 0, 1 or 2; 3 for anything more. Two rows of numbers instead of a matrix: the index
 * scores hundreds of tokens per query. */
export function editDistanceUpTo2(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) {
    return 3;
  }
  if (a.length >= 63 || b.length >= 63 || surrogate.test(a) || surrogate.test(b)) {
    return Math.min(editDistance(a, b), 3);
  }
  // rows i-2, i-1 and i of the optimal string alignment table
  let prev2 = rowA;
  let prev = rowB;
  let row = rowC;
  for (let j = 0; j <= b.length; j += 1) {
    prev[j] = j;
  }
  for (let i = 1; i <= a.length; i += 1) {
    row[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const cb = b.charCodeAt(j - 1);
      let best = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        best = Math.min(best, (prev2[j - 2] as number) + 1);
      }
      row[j] = best;
      if (best < rowMin) {
        rowMin = best;
      }
    }
    if (rowMin > 2) {
      return 3;
    }
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  return Math.min(prev[b.length] as number, 3);
}

const keyboard = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const keyAt = new Map<string, [number, number]>();
for (const [row, keys] of keyboard.entries()) {
  for (const [col, ch] of Array.from(keys).entries()) {
    keyAt.set(ch, [row, col]);
  }
}

/** Same length, one letter different, and the two are neighbours on a QWERTY keyboard ("gqo" for "gao"). */
function isNeighbourKeySlip(a: string, b: string): boolean {
  if (a.length !== b.length) {
    return false;
  }
  let at = -1;
  for (let i = 0; i < a.length; i += 1) {
    if (a[i] !== b[i]) {
      if (at >= 0) {
        return false;
      }
      at = i;
    }
  }
  const x = keyAt.get(a[at] ?? '');
  const y = keyAt.get(b[at] ?? '');
  return x !== undefined && y !== undefined && Math.abs(x[0] - y[0]) + Math.abs(x[1] - y[1]) === 1;
}

/** What a known romanisation variant scores: like one typo in a long word, below the spelling typed. */
export const variantScore = 0.92;

/** What a different first letter costs a match that is not a known variant. */
const firstLetterCost = 0.01;

/** One edit that typing makes easily: a neighbouring key for the right one, two neighbours swapped, a letter left
 * out, or a letter doubled. */
function isLikelyTypo(word: string, token: string): boolean {
  if (word.length === token.length) {
    if (isNeighbourKeySlip(word, token)) {
      return true;
    }
    const at = Array.from(word).findIndex((ch, i) => ch !== token[i]);
    return at >= 0 && word[at] === token[at + 1] && word[at + 1] === token[at];
  }
  if (word.length + 1 === token.length) {
    return true;
  }
  // the word has one letter more: a double ("weii"), or not a likely typo
  const at = Array.from(token).findIndex((ch, i) => ch !== word[i]);
  const extra = at < 0 ? token.length : at;
  return word[extra] === word[extra - 1] || word[extra] === word[extra + 1];
}

/** A query word as token scoring uses it. */
export type ScoredWord = { text: string; length: number; phonetic: string | null };

export function scoredWord(text: string): ScoredWord {
  return { text, length: Array.from(text).length, phonetic: usefulPhoneticKey(text) };
}

/**
 * How much a stored token looks like a query word, 0–1: equal 1; one edit 0.8–0.92 (more for longer words, where
 * one edit is less of the word); two edits in a long word 0.65–0.78; the same phonetic key (Mohammed/Muhammad) 0.8;
 * the start of a longer word (typed partly) up to 0.95; a known romanisation variant (Park/Bak) 0.92; otherwise the
 * trigram similarity, damped; 0.01 less when the first letters differ (0.91 for a variant). The caller brings what
 * it knows of the token: its length, phonetic key and trigram similarity to the word.
 */
export function scoreTokenWith(
  word: ScoredWord,
  token: string,
  tokenLength: number,
  tokenPhonetic: string,
  similarity: number,
): number {
  if (word.text === token) {
    return 1;
  }
  const length = Math.max(word.length, tokenLength);
  let score = 0;
  const distance = editDistanceUpTo2(word.text, token);
  if (distance === 1) {
    score = length >= 5 ? 0.92 : length === 4 ? 0.88 : 0.8;
    // between words one edit away, the likelier typo: a neighbouring key hit, neighbours swapped, a letter left out
    // or doubled — not a letter typed in from nowhere or a far key ("lui" is likelier LIU than LI or LEI)
    if (isLikelyTypo(word.text, token)) {
      score += 0.01;
    }
  } else if (distance === 2 && length >= 5) {
    score = length >= 7 ? 0.78 : 0.65;
  }
  // the same consonant skeleton, for words of about the same length ("chitsian" and "jan" share one too)
  if (word.phonetic !== null && word.phonetic === tokenPhonetic && Math.abs(word.length - tokenLength) <= 2) {
    score = Math.max(score, 0.8);
  }
  if (word.length >= 3 && token.startsWith(word.text)) {
    score = Math.max(score, 0.55 + (0.4 * word.length) / tokenLength);
  }
  score = Math.max(score, 0.9 * similarity);
  // the first letter is the one least often mistyped: of two names as near, the one that keeps it is likelier
  // ("hang li" is HUANG LI before ZHANG LI)
  if (score > 0 && word.text[0] !== token[0]) {
    score -= firstLetterCost;
  }
  // a known romanisation of the same name (Park / Bak, Mohd / Muhammad; person-name-variants.ts), the first letter
  // counting here too (WANG is WONG before ONG)
  if (variantSpellings(word.text).has(token)) {
    score = Math.max(score, word.text[0] === token[0] ? variantScore : variantScore - firstLetterCost);
  }
  return score;
}

/** What a known spelling of the word with one typo put right scores ("uthamn" for USMAN, through UTHMAN): the typo's
 * score less what the variant costs, below either alone and above two typos in a long word. */
export function typoVariantScore(word: ScoredWord, corrected: string, variant: string): number {
  const typo = scoreTokenWith(
    word,
    corrected,
    Array.from(corrected).length,
    phoneticKey(corrected),
    trigramSimilarity(word.text, corrected),
  );
  const spelling = corrected[0] === variant[0] ? variantScore : variantScore - firstLetterCost;
  return typo - (1 - spelling);
}

/** scoreTokenWith for two bare words. */
export function scoreToken(query: string, token: string): number {
  return scoreTokenWith(
    scoredWord(query),
    token,
    Array.from(token).length,
    phoneticKey(token),
    trigramSimilarity(query, token),
  );
}

/** Below this a token match is noise. */
export const minTokenScore = 0.5;
