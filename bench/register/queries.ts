// Misspelled queries for the register benchmark, the way an officer types a name from a phone call, a handwritten
// list or another office's spreadsheet: swapped, dropped, doubled or mistyped letters (rarely the first one), words in
// another order, words run together or split, transliteration variants (Mohammed / Muhammad, Chang / Zhang) and
// diacritics. Plus two outside sets when ../shared/data is there: FEBRL's typo'd duplicates of its original records,
// and OpenSanctions' labelled matching person-name pairs.
import { existsSync, readFileSync } from 'node:fs';
import type { Rng } from './names';

/** Spellings of one name that officers and documents use interchangeably (each line one group). The benchmark's own
 * list, written apart from the product's table (server/modules/persons/person-name-variants.ts) and never read from
 * it: the results report the variant queries the product table covers and those it does not separately. */
const variantGroups = `
muhammad mohammed mohamed mohammad muhamad mohamad mohd
ahmad ahmed achmad
hussein husain hussain hossain husin hussin
hassan hasan
abdullah abdulla
abdulrahman abdurrahman abdelrahman
yusuf yousef yusof youssef yousuf
ibrahim ebrahim
omar umar
osman usman othman uthman
mustafa mostafa moustafa
mahmoud mahmud
khalid khaled
fatimah fatima
aisyah aisha aishah aysha
khadijah khadija
nur noor
zainab zaynab
zhang chang
zhou chou
xu hsu
wang wong
liu lau
kim gim
park pak bak
choi choe
jung jeong chung
kang gang
cho jo
yoon yun
shin sin
lee yi
aleksandr alexander aleksander
aleksei alexei alexey
sergei sergey
dmitrii dmitry dmitri
iurii yuri yury
iuliia yulia julia
mariia maria
natalia natalya
ekaterina yekaterina
mueller muller
schroeder schroder
krueger kruger
schaefer schafer
chowdhury choudhury chaudhary
nguyen nguyễn
tran trần
pham phạm
hoang hoàng
duc đức
`
  .trim()
  .split('\n')
  .map((line) => line.split(' '));

const variantsOf = new Map<string, string[]>();
for (const group of variantGroups) {
  for (const word of group) {
    variantsOf.set(
      word,
      group.filter((w) => w !== word),
    );
  }
}

/** Neighbouring keys on a QWERTY keyboard, for mistyped letters. */
const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbourKey(ch: string, rng: Rng): string {
  for (let r = 0; r < rows.length; r += 1) {
    const row = rows[r] as string;
    const i = row.indexOf(ch);
    if (i >= 0) {
      const options = [row[i - 1], row[i + 1], rows[r - 1]?.[i], rows[r + 1]?.[i]].filter(
        (c): c is string => c !== undefined,
      );
      return options[Math.floor(rng() * options.length)] ?? ch;
    }
  }
  return ch;
}

export type TypoKind = 'swap' | 'drop' | 'double' | 'mistype' | 'variant' | 'spacing' | 'reorder only';

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;

/** A position inside a word for an error: anywhere but the first letter, nine times out of ten. */
const errorAt = (rng: Rng, length: number) => (rng() < 0.1 || length < 2 ? 0 : 1 + Math.floor(rng() * (length - 1)));

/** One error in one word; the word chosen with odds by its length (every letter as likely to be mistyped). */
function typo(words: string[], kind: TypoKind, rng: Rng): boolean {
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 3);
  if (candidates.length === 0) {
    return false;
  }
  const total = candidates.reduce((s, c) => s + c.w.length, 0);
  let x = rng() * total;
  let chosen = candidates[0] as { w: string; i: number };
  for (const c of candidates) {
    x -= c.w.length;
    if (x < 0) {
      chosen = c;
      break;
    }
  }
  const w = chosen.w;
  let at = Math.min(errorAt(rng, w.length), w.length - 1);
  let next = w;
  switch (kind) {
    case 'swap':
      at = Math.min(at, w.length - 2);
      next = `${w.slice(0, at)}${w[at + 1]}${w[at]}${w.slice(at + 2)}`;
      break;
    case 'drop':
      next = `${w.slice(0, at)}${w.slice(at + 1)}`;
      break;
    case 'double':
      next = `${w.slice(0, at + 1)}${w[at]}${w.slice(at + 1)}`;
      break;
    case 'mistype':
      next = `${w.slice(0, at)}${neighbourKey(w[at] as string, rng)}${w.slice(at + 1)}`;
      break;
    default:
      return false;
  }
  if (next === w) {
    return false;
  }
  words[chosen.i] = next;
  return true;
}

function variant(words: string[], rng: Rng, used: [string, string][]): boolean {
  const options = words
    .map((w, i) => ({ i, alternatives: variantsOf.get(w) ?? [] }))
    .filter((o) => o.alternatives.length);
  if (options.length === 0) {
    return false;
  }
  const o = pick(rng, options);
  const from = words[o.i] as string;
  words[o.i] = pick(rng, o.alternatives);
  used.push([from, words[o.i] as string]);
  return true;
}

function spacing(words: string[], rng: Rng): boolean {
  if (words.length >= 3 && rng() < 0.5) {
    const i = Math.floor(rng() * (words.length - 1));
    words.splice(i, 2, `${words[i]}${words[i + 1]}`);
    return true;
  }
  const long = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 7);
  if (long.length === 0) {
    return false;
  }
  const { w, i } = pick(rng, long);
  const cut = 3 + Math.floor(rng() * (w.length - 5));
  words.splice(i, 1, w.slice(0, cut), w.slice(cut));
  return true;
}

function reorder(words: string[], rng: Rng): string[] {
  if (words.length < 2) {
    return words;
  }
  const x = rng();
  if (x < 0.5) {
    return words;
  }
  if (x < 0.85 || words.length === 2) {
    // the surname moved to the end: "WEI ZHANG" for "ZHANG WEI"
    return [...words.slice(1), words[0] as string];
  }
  const shuffled = [...words];
  for (let i = shuffled.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rng() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j] as string, shuffled[i] as string];
  }
  return shuffled;
}

/** No typo, only the order changed (by reorder(), or here when it left the order as it was). */
function reorderOnly(words: string[], original: readonly string[]): boolean {
  if (words.length < 2) {
    return false;
  }
  if (words.join(' ') === original.join(' ')) {
    words.push(words.shift() as string);
  }
  return true;
}

const kinds: [TypoKind, number][] = [
  ['swap', 24],
  ['drop', 24],
  ['double', 12],
  ['mistype', 12],
  ['variant', 16],
  ['spacing', 6],
  ['reorder only', 6],
];

/** variants: the spellings a variant error replaced, and what it put in their place. */
export type Query = { text: string; kinds: TypoKind[]; variants: [string, string][] };

/** A realistic misspelling of "surname given names": reordered half of the time, one error (two in one name of
 * five, when it is long), in the case an officer types it. */
export function misspell(surname: string, givenNames: string, rng: Rng): Query {
  const original = `${surname} ${givenNames}`
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((w) => w !== '');
  const words = reorder(original, rng);
  const done: TypoKind[] = [];
  const variants: [string, string][] = [];
  const errors = original.join('').length >= 12 && rng() < 0.2 ? 2 : 1;
  for (let attempt = 0; done.length < errors && attempt < 10; attempt += 1) {
    let x = rng() * 100;
    let kind: TypoKind = 'swap';
    for (const [k, w] of kinds) {
      x -= w;
      if (x < 0) {
        kind = k;
        break;
      }
    }
    const applied =
      kind === 'variant'
        ? variant(words, rng, variants)
        : kind === 'spacing'
          ? spacing(words, rng)
          : kind === 'reorder only'
            ? reorderOnly(words, original)
            : typo(words, kind, rng);
    if (applied) {
      done.push(kind);
    }
  }
  const text = words.join(' ');
  const c = rng();
  return {
    text: c < 0.4 ? text.toUpperCase() : c < 0.7 ? text.replace(/\b\p{L}/gu, (m) => m.toUpperCase()) : text,
    kinds: done,
    variants,
  };
}

// ─── Outside sets ────────────────────────────────────────────────────────────────────────────────────────────────

export type LinkedName = { surname: string; givenNames: string; query: string; group: string };

/** FEBRL dataset 3 (Zipf clusters): each original record and its typo'd duplicates (OCR, keyboard and phonetic errors
 * by FEBRL's own generator). The original goes into the register; each duplicate's name is a query for it. */
export function febrlLinked(sharedDataDir: string): LinkedName[] {
  const file = `${sharedDataDir}/febrl/dataset3.csv`;
  if (!existsSync(file)) {
    return [];
  }
  const originals = new Map<string, { given: string; surname: string }>();
  const duplicates: { id: string; given: string; surname: string }[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
    const cells = line.split(',').map((c) => c.trim());
    const m = /^rec-(\d+)-(org|dup-\d+)$/.exec(cells[0] ?? '');
    if (!m) {
      continue;
    }
    const record = { given: cells[1] ?? '', surname: cells[2] ?? '' };
    if (m[2] === 'org') {
      originals.set(m[1] as string, record);
    } else {
      duplicates.push({ id: m[1] as string, ...record });
    }
  }
  const linked: LinkedName[] = [];
  for (const d of duplicates) {
    const o = originals.get(d.id);
    // a duplicate without a given name or surname is not a name search
    if (o?.given && o.surname && d.given && d.surname) {
      linked.push({
        surname: o.surname,
        givenNames: o.given,
        query: `${d.given} ${d.surname}`,
        group: `febrl-${d.id}`,
      });
    }
  }
  return linked;
}

/** OpenSanctions' name_bench (development half): person-name pairs labelled as the same person — transliterations,
 * order changes, typos across scripts. name1 goes into the register, name2 is the query. */
export function nameBenchLinked(sharedDataDir: string): LinkedName[] {
  const file = `${sharedDataDir}/names/name_bench_dev.csv`;
  if (!existsSync(file)) {
    return [];
  }
  const linked: LinkedName[] = [];
  for (const [i, line] of readFileSync(file, 'utf8').split('\n').slice(1).entries()) {
    const cells = parseCsvLine(line);
    if (cells[1] !== 'Person' || cells[4] !== 'true' || !cells[2] || !cells[3]) {
      continue;
    }
    const words = cells[2].trim().split(/\s+/);
    // stored as a document would write it: last word as surname
    linked.push({
      surname: words.length > 1 ? (words.at(-1) as string) : '',
      givenNames: words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] as string),
      query: cells[3],
      group: `name_bench-${i}`,
    });
  }
  return linked;
}

function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  cells.push(cell);
  return cells;
}
