// The name index in memory: the distinct written names of the register (name_keys) with their tokens, fuzzy token
// look-ups (equal, one edit, known romanisation variant, phonetic key, trigrams, typed partly) and the ranking of
// names for a query. Pure data structure: person-search.repo.ts fills it from the database and keeps it in step; persons, filters and scope stay
// in SQL. A million persons' names (244,000 distinct in the benchmark) take about 100 MB of heap.
import { nameVariantsOf, variantSpellings } from './person-name-variants';
import { joinedPairs, phoneticKey } from './person-names';
import {
  editDistanceUpTo2,
  maxQueryWords,
  minTokenScore,
  type QueryPlan,
  type QueryUnit,
  scoredWord,
  scoreTokenWith,
  trigramSimilarity,
  typoVariantScore,
} from './person-search';

/** A growable Int32 list: large indexes without the per-element cost of JS arrays. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 16) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = value;
    this.length += 1;
  }
}

/** pg_trgm's trigrams of a word (padded with two spaces in front and one behind). */
export function wordTrigrams(word: string): string[] {
  const chars = Array.from(`  ${word} `);
  const set = new Set<string>();
  for (let i = 0; i + 2 < chars.length; i += 1) {
    set.add(`${chars[i]}${chars[i + 1]}${chars[i + 2]}`);
  }
  return [...set];
}

const latinWord = /^[a-z]+$/;
const alphabet = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit away (deletion, swap of neighbours, and for Latin words substitution and insertion): looked
 * up by equality, they find the stored tokens at distance one without an index of their own. */
export function oneEditAway(word: string): string[] {
  const s = Array.from(word);
  const out = new Set<string>();
  for (let i = 0; i < s.length; i += 1) {
    out.add([...s.slice(0, i), ...s.slice(i + 1)].join(''));
    if (i + 1 < s.length) {
      out.add([...s.slice(0, i), s[i + 1], s[i], ...s.slice(i + 2)].join(''));
    }
  }
  if (latinWord.test(word)) {
    for (let i = 0; i <= word.length; i += 1) {
      const head = word.slice(0, i);
      for (const ch of alphabet) {
        out.add(`${head}${ch}${word.slice(i)}`);
        if (i < word.length) {
          out.add(`${head}${ch}${word.slice(i + 1)}`);
        }
      }
    }
  }
  out.delete(word);
  return [...out];
}

/** Query words up to this long are also compared with the words two typos away (longer ones find them by trigrams). */
const maxTwoTypoLength = 6;
/** Tokens a query word may be, scored, at most this many per word: the best ones (equal, one edit) always stay. */
const maxCandidatesPerUnit = 64;
/** pg_trgm's default similarity threshold for the trigram arm; lower for long words, where two typos ("benamni" for
 * "benjamin") leave fewer shared trigrams than that and the edit distance decides. */
const minTrigramSimilarity = 0.3;
const minLongTrigramSimilarity = 0.2;
/** What a query word split into two name words written apart or in the other order scores ("hassanmohd" for MOHD
 * AHMAD BIN HASSAN): a spacing slip and a word moved, below the words run together in the name's order (1). */
const splitScore = 0.95;
/** What a typo costs on top when the match also needed words run together or split. */
const pairTypoCost = 0.1;
/** What a name pays per word it has beyond the query's or lacks: more than a typo or known variant costs a query of
 * two words (0.04), so that "wong jun" is WANG JUN before WONG JUN HAO (0.03 until 2026-11-28). */
const wordCountCost = 0.05;
/** What words run together on one side and apart on the other cost, once per place ("kim minsoe" is KIM MINSEO
 * before KIM MIN SEO): far less than a word more or less. */
const joinCost = 0.01;
/** How far below the best match a name may score and still be listed. */
const maxBelowBest = 0.3;
/** How many of the best names are scored again word by word (matchOneToOne). */
const rescored = 100;
/** …and more while a name beyond them could still enter the best this many, up to maxRescored. */
const stableTop = 20;
const maxRescored = 2000;
/** Names with more words than this keep their coverage score (2^words matchings to try). */
const maxMatchedWords = 10;
/** Ranked names handed to SQL; beyond them the list is cut. */
export const maxRankedNames = 500;

/** A written name ranked for a query: its score, and whether the query keeps its word order or rotates it. */
export type RankedName = { keyId: number; score: number; inOrder: boolean };

/** The two earlier words a token joins ("abdulrahman" of "abdul", "rahman"), if it is such a pair. */
function pairOf(token: string, words: readonly string[]): [number, number] | null {
  for (let a = 0; a < words.length; a += 1) {
    const first = words[a] as string;
    if (token.length > first.length && token.startsWith(first)) {
      const b = words.indexOf(token.slice(first.length));
      if (b >= 0) {
        return [a, b];
      }
    }
  }
  return null;
}

export class NameIndex {
  private readonly tokenIds = new Map<string, number>();
  private readonly tokenText: string[] = [];
  private readonly tokenTrigrams: number[] = [];
  private readonly tokenLength: number[] = [];
  private readonly tokenPhonetic: string[] = [];
  /** whether the token is found by trigrams and phonetic key too (a word of some name, not only a joined pair) */
  private readonly fuzzy: boolean[] = [];
  /** whether the token is two words of some name run together ("abdulrahman"): a query word matching it stands for
   * two name words */
  private readonly joined: boolean[] = [];
  /** per token: the slots of the names holding it */
  private readonly postings: IntList[] = [];
  /** Latin words by first letter and length, for the two-typo look-up of short words */
  private readonly byStart = new Map<string, number[]>();
  private readonly byPhonetic = new Map<string, number[]>();
  private readonly byTrigram = new Map<string, number[]>();
  /** per name slot: its name_keys id and word count */
  private keyIds = new IntList(1024);
  private keyWords = new IntList(1024);
  private readonly keyText: string[] = [];
  // Scratch of one ranking (synchronous, so one set per index suffices).
  private coverage = new Float32Array(0);
  private mark = new Uint32Array(0);
  private epoch = 0;
  private trigramEpoch = 0;
  private tokenMark = new Uint32Array(0);
  private tokenCount = new Uint16Array(0);
  /** per name slot: the query units that may let one name word stand for two query words or the reverse */
  private joins = new Uint32Array(0);
  private splitMark = new Uint32Array(0);

  get size(): number {
    return this.keyIds.length;
  }

  get tokens(): number {
    return this.tokenText.length;
  }

  /** Adds one written name: `key` is name_keys.key (its words, then their joined neighbours, then the words of the name
   * as written), `wordCount` how many words it has. */
  add(keyId: number, key: string, wordCount: number): void {
    const slot = this.keyIds.length;
    this.keyIds.push(keyId);
    this.keyWords.push(wordCount);
    this.keyText.push(key);
    const tokens = key.split(' ').filter((t) => t !== '');
    const words = tokens.slice(0, wordCount);
    const pairs = new Set(joinedPairs(words));
    for (const token of new Set(tokens)) {
      const isWord = !pairs.has(token) || words.includes(token);
      const id = this.tokenOf(token, isWord);
      if (pairs.has(token)) {
        this.joined[id] = true;
      }
      (this.postings[id] as IntList).push(slot);
    }
  }

  /** The token's id, new ones added. Words get trigram and phonetic entries; joined pairs ("abdulrahman" of "abdul
   * rahman"), a third of all tokens, are found by equality and one edit only: a query word that is two words run
   * together matches them that way, and they would double the fuzzy look-ups' work. */
  private tokenOf(token: string, isWord: boolean): number {
    let id = this.tokenIds.get(token);
    if (id === undefined) {
      id = this.tokenText.length;
      this.tokenIds.set(token, id);
      this.tokenText.push(token);
      this.postings.push(new IntList(4));
      this.tokenPhonetic.push(phoneticKey(token));
      this.tokenLength.push(Array.from(token).length);
      this.tokenTrigrams.push(0);
      this.fuzzy.push(false);
      this.joined.push(false);
    }
    if (isWord && !this.fuzzy[id]) {
      this.fuzzy[id] = true;
      const key = this.tokenPhonetic[id] as string;
      const sameKey = this.byPhonetic.get(key);
      if (sameKey) {
        sameKey.push(id);
      } else {
        this.byPhonetic.set(key, [id]);
      }
      if (latinWord.test(token) && token.length <= maxTwoTypoLength + 2) {
        const start = `${token[0]}${token.length}`;
        const same = this.byStart.get(start);
        if (same) {
          same.push(id);
        } else {
          this.byStart.set(start, [id]);
        }
      }
      const grams = wordTrigrams(token);
      this.tokenTrigrams[id] = grams.length;
      for (const g of grams) {
        const list = this.byTrigram.get(g);
        if (list) {
          list.push(id);
        } else {
          this.byTrigram.set(g, [id]);
        }
      }
    }
    return id;
  }

  /** The stored tokens a query word may be, each with its score (person-search.ts scoreToken), best first. */
  candidates(unit: QueryUnit): { token: number; score: number }[] {
    const found = new Set<number>();
    const exact = this.tokenIds.get(unit.text);
    if (exact !== undefined) {
      found.add(exact);
    }
    const word = scoredWord(unit.text);
    if (word.length === 1) {
      // an initial, or a letter of a document number typed in groups: one edit away is every short token
      return exact === undefined ? [] : [{ token: exact, score: 1 }];
    }
    const edits = oneEditAway(unit.text);
    for (const variant of edits) {
      const id = this.tokenIds.get(variant);
      if (id !== undefined) {
        found.add(id);
      }
    }
    const spellings = variantSpellings(unit.text);
    for (const variant of spellings) {
      const id = this.tokenIds.get(variant);
      if (id !== undefined) {
        found.add(id);
      }
    }
    const isPair = unit.positions[0] !== unit.positions[1];
    // a known spelling of the word with one typo put right ("uthamn": UTHMAN, a spelling of USMAN)
    const typoSpellings = new Map<number, number>();
    if (!isPair && word.length >= 4 && latinWord.test(unit.text)) {
      for (const edit of edits) {
        for (const variant of nameVariantsOf(edit)) {
          const id = this.tokenIds.get(variant);
          if (id !== undefined && variant !== unit.text && !spellings.has(variant)) {
            found.add(id);
            typoSpellings.set(id, Math.max(typoSpellings.get(id) ?? 0, typoVariantScore(word, edit, variant)));
          }
        }
      }
    }
    if (unit.phonetic) {
      for (const id of this.byPhonetic.get(unit.phonetic) ?? []) {
        found.add(id);
      }
    }
    if (!isPair) {
      this.addTwoTypoCandidates(unit.text, word.length, found);
    }
    const grams = word.length >= 3 ? this.addTrigramCandidates(unit.text, word.length, found) : 0;
    const scored: { token: number; score: number }[] = [];
    for (const id of found) {
      const token = this.tokenText[id] as string;
      const similarity =
        grams === 0
          ? trigramSimilarity(unit.text, token)
          : this.tokenMark[id] === this.trigramEpoch
            ? (this.tokenCount[id] as number) /
              (grams + (this.tokenTrigrams[id] as number) - (this.tokenCount[id] as number))
            : 0;
      let score = Math.max(
        scoreTokenWith(word, token, this.tokenLength[id] as number, this.tokenPhonetic[id] as string, similarity),
        typoSpellings.get(id) ?? 0,
      );
      if (score < 1 && (isPair || !this.fuzzy[id]) && !spellings.has(token)) {
        // two query words run together, or one query word against two run together, and a typo besides (a known
        // spelling of the words is no typo: "jihun" for "ji hoon")
        score -= pairTypoCost;
      }
      if (score >= minTokenScore) {
        scored.push({ token: id, score: Math.round(score * 1000) / 1000 });
      }
    }
    scored.sort((a, b) => b.score - a.score || a.token - b.token);
    return scored.slice(0, maxCandidatesPerUnit);
  }

  /** Words two typos away from a short word ("ckng" for CHING), which share too few trigrams with it to be found by
   * them: the words of about its length with the same first letter — the letter least often mistyped — compared
   * one by one. Two typos in a word of four letters or less leave too little of it to tell (scoreTokenWith gives
   * them nothing), so the pair must reach five letters. */
  private addTwoTypoCandidates(word: string, length: number, found: Set<number>): void {
    if (length < 3 || length > maxTwoTypoLength || !latinWord.test(word)) {
      return;
    }
    for (let other = Math.max(2, length - 2); other <= length + 2; other += 1) {
      if (Math.max(length, other) < 5) {
        continue;
      }
      for (const id of this.byStart.get(`${word[0]}${other}`) ?? []) {
        if (!found.has(id) && editDistanceUpTo2(word, this.tokenText[id] as string) <= 2) {
          found.add(id);
        }
      }
    }
  }

  /** Trigram-similar tokens (two or more typos in a longer word) and tokens that start with the word (typed partly). */
  private addTrigramCandidates(word: string, length: number, found: Set<number>): number {
    if (this.tokenMark.length < this.tokenText.length) {
      this.tokenMark = new Uint32Array(Math.max(1024, this.tokenText.length * 2));
      this.tokenCount = new Uint16Array(this.tokenMark.length);
    }
    this.epoch += 1;
    const epoch = this.epoch;
    this.trigramEpoch = epoch;
    const grams = wordTrigrams(word);
    const touched: number[] = [];
    for (const g of grams) {
      for (const id of this.byTrigram.get(g) ?? []) {
        if (this.tokenMark[id] !== epoch) {
          this.tokenMark[id] = epoch;
          this.tokenCount[id] = 0;
          touched.push(id);
        }
        this.tokenCount[id] = (this.tokenCount[id] as number) + 1;
      }
    }
    // a word typed partly shares all of its trigrams but the closing one
    const prefixShare = grams.length - 1;
    for (const id of touched) {
      const shared = this.tokenCount[id] as number;
      const similarity = shared / (grams.length + (this.tokenTrigrams[id] as number) - shared);
      if (
        similarity >= (length >= 6 ? minLongTrigramSimilarity : minTrigramSimilarity) ||
        (shared >= prefixShare && (this.tokenText[id] as string).startsWith(word))
      ) {
        found.add(id);
      }
    }
    return grams.length;
  }

  /**
   * A query word that is two name words run together in another order than the name's ("hassanmohd" for MOHD AHMAD
   * BIN HASSAN: the name's joined neighbours are "mohdahmad", "ahmadbin", "binhassan"): every cut of the word into two
   * words of some name, each of two letters or more. Only for a word that is no token of its own.
   */
  private splitsOf(unit: QueryUnit): [number, number][] {
    const text = unit.text;
    if (unit.positions[0] !== unit.positions[1] || text.length < 4 || this.tokenIds.has(text)) {
      return [];
    }
    const splits: [number, number][] = [];
    for (let cut = 2; cut <= text.length - 2; cut += 1) {
      const a = this.tokenIds.get(text.slice(0, cut));
      const b = this.tokenIds.get(text.slice(cut));
      if (a !== undefined && b !== undefined && this.fuzzy[a] && this.fuzzy[b]) {
        splits.push([a, b]);
      }
    }
    return splits;
  }

  /** The name slots holding both tokens (a split query word). */
  private bothOf(a: number, b: number): IntList {
    const [small, large] = [this.postings[a] as IntList, this.postings[b] as IntList].sort(
      (x, y) => x.length - y.length,
    ) as [IntList, IntList];
    if (this.splitMark.length < this.keyIds.length) {
      this.splitMark = new Uint32Array(Math.max(1024, this.keyIds.length * 2));
    }
    this.epoch += 1;
    for (let i = 0; i < small.length; i += 1) {
      this.splitMark[small.data[i] as number] = this.epoch;
    }
    const both = new IntList(16);
    for (let i = 0; i < large.length; i += 1) {
      const slot = large.data[i] as number;
      if (this.splitMark[slot] === this.epoch) {
        both.push(slot);
      }
    }
    return both;
  }

  /**
   * Ranks the written names by how well they cover the query: for each query position the best token match (a pair
   * unit — two query words joined — covers both positions; a query word split into two name words covers its own),
   * summed and divided by the number of positions, less wordCountCost (0.05) for every word the name has beyond the
   * query's or lacks (words run together or split counted as written on the name's side: an upper bound of the
   * one-to-one score). The best `limit` names scoring at least `minScore` and no more than 0.3 below the best one.
   */
  rank(plan: QueryPlan, minScore: number, limit = maxRankedNames): RankedName[] {
    const n = plan.positions;
    if (n === 0 || plan.units.length === 0) {
      return [];
    }
    const width = maxQueryWords;
    const slots = this.keyIds.length;
    if (this.mark.length < slots) {
      const capacity = Math.max(1024, slots * 2);
      this.mark = new Uint32Array(capacity);
      this.coverage = new Float32Array(capacity * width);
      this.joins = new Uint32Array(capacity);
    }
    const unitCandidates = plan.units.map((unit) => this.candidates(unit));
    const unitScores = unitCandidates.map((c) => new Map(c.map((x) => [x.token, x.score])));
    const splits = plan.units.map((unit) => this.splitsOf(unit));
    // What reaches names: each unit's candidate tokens, and each split's names holding both words. A bit per unit
    // marks the names where it may join or split words (for the word-count bound).
    type Source = { unit: number; lists: { list: IntList; score: number; joins: boolean }[]; volume: number };
    const sources: Source[] = [];
    for (const [u, unit] of plan.units.entries()) {
      const isPair = unit.positions[0] !== unit.positions[1];
      const lists = (unitCandidates[u] ?? []).map(({ token, score }) => ({
        list: this.postings[token] as IntList,
        score,
        joins: isPair || (this.joined[token] as boolean),
      }));
      for (const [a, b] of splits[u] ?? []) {
        lists.push({ list: this.bothOf(a, b), score: splitScore, joins: true });
      }
      sources.push({ unit: u, lists, volume: lists.reduce((sum, x) => sum + x.list.length, 0) });
    }
    this.epoch += 1;
    const epoch = this.epoch;
    const touched = new IntList(4096);
    // Rarest units first. A name first reached by the commonest units ("muhammad", "bin") could only match the
    // positions those cover: when they are too few to reach minScore, those units only add to names already reached.
    const byVolume = sources.sort((a, b) => a.volume - b.volume);
    const reachable = byVolume.map((_, k) => {
      const covered = new Set<number>();
      for (const s of byVolume.slice(k)) {
        const [from, to] = (plan.units[s.unit] as QueryUnit).positions;
        for (let p = from; p <= to; p += 1) {
          covered.add(p);
        }
      }
      return covered.size;
    });
    for (const [k, source] of byVolume.entries()) {
      const [from, to] = (plan.units[source.unit] as QueryUnit).positions;
      const bit = 1 << source.unit;
      const mayReach = (reachable[k] as number) / n >= minScore - 0.0000001;
      for (const { list, score, joins } of source.lists) {
        const data = list.data;
        for (let i = 0; i < list.length; i += 1) {
          const slot = data[i] as number;
          const base = slot * width;
          if (this.mark[slot] !== epoch) {
            if (!mayReach) {
              continue;
            }
            this.mark[slot] = epoch;
            this.coverage.fill(0, base, base + width);
            this.joins[slot] = 0;
            touched.push(slot);
          }
          if (joins) {
            this.joins[slot] = (this.joins[slot] as number) | bit;
          }
          for (let p = from - 1; p < to; p += 1) {
            if ((this.coverage[base + p] as number) < score) {
              this.coverage[base + p] = score;
            }
          }
        }
      }
    }
    // scores have three decimals: count them by value to find the cut-off, and sort only what is above it
    const scores = new Float64Array(touched.length);
    const histogram = new Uint32Array(1002);
    let passing = 0;
    for (let i = 0; i < touched.length; i += 1) {
      const slot = touched.data[i] as number;
      const base = slot * width;
      let sum = 0;
      for (let p = 0; p < n; p += 1) {
        sum += this.coverage[base + p] as number;
      }
      const extraWords = Math.max(
        0,
        Math.abs((this.keyWords.data[slot] as number) - n) - bitCount(this.joins[slot] as number),
      );
      const score = Math.round((sum / n - wordCountCost * extraWords) * 1000) / 1000;
      scores[i] = score;
      if (score >= minScore) {
        const bucket = Math.min(1001, Math.max(0, Math.round(score * 1000)));
        histogram[bucket] = (histogram[bucket] as number) + 1;
        passing += 1;
      }
    }
    let best = 0;
    for (let i = 0; i < touched.length; i += 1) {
      best = Math.max(best, scores[i] as number);
    }
    // a name far below the best match is noise next to it ("kim" alone when "kim yunmin" is there)
    const floor = Math.max(minScore, Math.round((best - maxBelowBest) * 1000) / 1000);
    let cutOff = floor;
    if (passing > limit) {
      let above = 0;
      for (let bucket = 1001; bucket >= 0; bucket -= 1) {
        above += histogram[bucket] as number;
        if (above >= limit) {
          cutOff = Math.max(floor, bucket / 1000);
          break;
        }
      }
    }
    const ranked: (RankedName & { slot: number })[] = [];
    for (let i = 0; i < touched.length; i += 1) {
      const score = scores[i] as number;
      if (score >= cutOff - 0.0000001) {
        const slot = touched.data[i] as number;
        ranked.push({ keyId: this.keyIds.data[slot] as number, score, inOrder: false, slot });
      }
    }
    ranked.sort((a, b) => b.score - a.score || a.keyId - b.keyId);
    // The coverage score lets one name word stand for several query words and ignores order: the best names are
    // scored again by matching words one to one, and the order as typed breaks ties.
    // The coverage score is never below the one-to-one score: rescoring goes on past the first 100 while the next
    // name's coverage could still beat the 20th best score found (many names of the same words — "muhammad ahmad bin
    // …" — tie on coverage), up to maxRescored.
    const splitsAt: [number, number][][] = Array.from({ length: n }, () => []);
    for (const [u, unit] of plan.units.entries()) {
      splitsAt[unit.positions[0] - 1]?.push(...(splits[u] ?? []));
    }
    const found: number[] = [];
    for (const [k, r] of ranked.entries()) {
      if (k >= maxRescored || (k >= rescored && r.score <= (found[stableTop - 1] ?? 0))) {
        break;
      }
      const exact = this.matchOneToOne(plan, unitScores, splitsAt, r.slot);
      if (exact !== null) {
        r.score = exact.score;
        r.inOrder = exact.inOrder;
      }
      found.push(r.score);
      if (found.length >= stableTop) {
        found.sort((a, b) => b - a);
        found.length = stableTop;
      }
    }
    ranked.sort((a, b) => b.score - a.score || Number(b.inOrder) - Number(a.inOrder) || a.keyId - b.keyId);
    return ranked.slice(0, limit).map((r) => ({ keyId: r.keyId, score: r.score, inOrder: r.inOrder }));
  }

  /**
   * The name's score with each query word matched to at most one of its words — or two query words run together to
   * one, or one query word to two (run together on the name, or in another order: a split) — the best such matching
   * found by trying them all (names have a handful of words): the sum of the matches over the query's words, less
   * wordCountCost for each name word left unmatched beyond the query words left unmatched (or the reverse), words run
   * together or split counted as the name writes them; and whether the matched words keep the name's order or rotate
   * it ("WEI ZHANG" for "ZHANG WEI", not a shuffle). Null for names with a written form of their own (another script),
   * which keep their coverage score.
   */
  private matchOneToOne(
    plan: QueryPlan,
    unitScores: readonly Map<number, number>[],
    splitsAt: readonly (readonly [number, number])[][],
    slot: number,
  ): { score: number; inOrder: boolean } | null {
    const tokens = (this.keyText[slot] as string).split(' ');
    const words: string[] = [];
    const pairs = new Map<string, [number, number]>();
    for (const token of tokens) {
      const split = pairOf(token, words);
      if (split && split[0] === split[1] && words.length < maxMatchedWords) {
        // a word the name has twice ("tan wei wei"): its key keeps it once, and the pair "weiwei" tells
        words.push(words[split[0]] as string);
        pairs.set(token, [split[0], words.length - 1]);
      } else if (split) {
        pairs.set(token, split);
      } else if (pairs.size === 0 && words.length < maxMatchedWords) {
        words.push(token);
      } else {
        return null;
      }
    }
    const wordCount = this.keyWords.data[slot] as number;
    if (words.length < wordCount && wordCount <= maxMatchedWords && new Set(words).size === words.length) {
      // a word the name has twice apart ("muhammad ahmad bin ahmad"): the joined neighbours, in order, chain the
      // words as written
      const chain: number[] = [];
      for (const [a, b] of pairs.values()) {
        if (chain.length === 0) {
          chain.push(a, b);
        } else if (chain.at(-1) === a) {
          chain.push(b);
        } else {
          break;
        }
      }
      if (chain.length === wordCount) {
        const written = chain.map((i) => words[i] as string);
        const tokensOfPairs = [...pairs.keys()];
        words.length = 0;
        words.push(...written);
        pairs.clear();
        for (const [k, token] of tokensOfPairs.entries()) {
          pairs.set(token, [k, k + 1]);
        }
      }
    }
    const n = plan.positions;
    const id = (t: string) => this.tokenIds.get(t) ?? -1;
    const wordIds = words.map(id);
    // What each query position may match: a name word, two name words (joined on the name, or split from the query
    // word), or — for two query words run together — one name word. `words` is how many query positions it takes.
    type Option = { span: 1 | 2; mask: number; score: number; order: number[] };
    const options: Option[][] = Array.from({ length: n }, () => []);
    for (const [u, unit] of plan.units.entries()) {
      const scores = unitScores[u] as Map<number, number>;
      const at = unit.positions[0] - 1;
      const into = options[at] as Option[];
      if (unit.positions[0] !== unit.positions[1]) {
        for (const [w, wordId] of wordIds.entries()) {
          const s = scores.get(wordId);
          if (s !== undefined && at + 1 < n) {
            into.push({ span: 2, mask: 1 << w, score: 2 * s, order: [w] });
          }
        }
        continue;
      }
      for (const [w, wordId] of wordIds.entries()) {
        const s = scores.get(wordId);
        if (s !== undefined) {
          into.push({ span: 1, mask: 1 << w, score: s, order: [w] });
        }
      }
      for (const [token, [a, b]] of pairs) {
        const s = scores.get(id(token));
        if (s !== undefined) {
          into.push({ span: 1, mask: (1 << a) | (1 << b), score: s, order: [a, b] });
        }
      }
      for (const [ta, tb] of splitsAt[at] ?? []) {
        const a = wordIds.indexOf(ta);
        const b = wordIds.findIndex((x, w) => x === tb && w !== a);
        if (a >= 0 && b >= 0) {
          into.push({ span: 1, mask: (1 << a) | (1 << b), score: splitScore, order: [a, b] });
        }
      }
    }
    // best[i][mask]: the best sum from query position i on, with the name words in mask taken
    const size = 1 << words.length;
    const best = new Float64Array((n + 1) * size);
    const choice = new Int32Array((n + 1) * size).fill(-1);
    for (let i = n - 1; i >= 0; i -= 1) {
      const here = options[i] as Option[];
      for (let mask = 0; mask < size; mask += 1) {
        let top = best[(i + 1) * size + mask] as number;
        let pick = -1;
        for (const [k, o] of here.entries()) {
          if (!(mask & o.mask)) {
            const s = o.score + (best[(i + o.span) * size + (mask | o.mask)] as number);
            if (s > top) {
              top = s;
              pick = k;
            }
          }
        }
        best[i * size + mask] = top;
        choice[i * size + mask] = pick;
      }
    }
    // the name words in the order the query matched them, and how many words each side left unmatched
    const order: number[] = [];
    let mask = 0;
    let queryLeft = 0;
    for (let i = 0; i < n; ) {
      const pick = choice[i * size + mask] as number;
      const o = (options[i] as Option[])[pick];
      if (o === undefined) {
        queryLeft += 1;
        i += 1;
      } else {
        order.push(...o.order);
        mask |= o.mask;
        i += o.span;
      }
    }
    let joins = 0;
    for (let i = 0, m = 0; i < n; ) {
      const o = (options[i] as Option[])[choice[i * size + m] as number];
      if (o === undefined) {
        i += 1;
      } else {
        joins += o.span === 2 || o.order.length === 2 ? 1 : 0;
        m |= o.mask;
        i += o.span;
      }
    }
    let descents = 0;
    for (let k = 1; k < order.length; k += 1) {
      if ((order[k] as number) < (order[k - 1] as number)) {
        descents += 1;
      }
    }
    const inOrder = descents === 0 || (descents === 1 && (order.at(-1) as number) < (order[0] as number));
    const nameLeft = wordCount - bitCount(mask);
    const score = (best[0] as number) / n - wordCountCost * Math.abs(nameLeft - queryLeft) - joinCost * joins;
    return { score: Math.round(score * 1000) / 1000, inOrder };
  }
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
