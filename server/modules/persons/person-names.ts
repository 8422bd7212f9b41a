// How names are compared: one normaliser for what is stored and what is searched, tokens, a phonetic key for
// transliteration variants, and one-character deletions for typos. Pure functions; the search SQL and a later
// in-memory index use the same ones, so a name is always cut the same way.

/** Letters that are more than a letter with a diacritic (ICAO 9303 Part 3 and common Latin letters). */
const latinFolds: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ħ: 'h',
  ł: 'l',
  ŋ: 'n',
  ı: 'i',
};

/** Russian and Ukrainian Cyrillic as ICAO 9303 transliterates it, so "Александр" finds "ALEKSANDR". */
const cyrillic: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/**
 * Lower case, accents removed, Cyrillic transliterated, apostrophes dropped (O'Brien → obrien), every other
 * character that is not a letter or digit turned into a single space. Letters of other scripts (汉字, العربية) stay.
 */
export function normaliseName(input: string): string {
  return (
    input
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      // after the marks are gone, so that ǽ, ǿ, й and ӑ reach the tables as æ, ø, и and а
      .replace(/[\u00df\u00e6\u0153\u00f8\u0111\u00f0\u00fe\u0127\u0142\u014b\u0131]/gu, (ch) => latinFolds[ch] ?? ch)
      .replace(/[\u0400-\u04ff]/gu, (ch) => cyrillic[ch] ?? ch)
      .replace(/['’‘ʼ`´]/gu, '')
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

/** Words of a normalised name. Bounded: a name longer than 12 words is not a name. */
export function nameTokens(input: string): string[] {
  const normalised = normaliseName(input);
  return normalised === '' ? [] : normalised.split(' ').slice(0, 12);
}

/** Neighbouring tokens joined ("abdul rahman" → "abdulrahman"), so spacing differences still match. */
export function joinedPairs(tokens: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 1) {
    pairs.push(`${tokens[i]}${tokens[i + 1]}`);
  }
  return pairs;
}

/** The tokens a stored name is posted under: its words and their joined neighbours, without repeats. */
export function postingTokens(surname: string, givenNames: string): { tokens: string[]; tokenCount: number } {
  const words = nameTokens(`${surname} ${givenNames}`);
  return { tokens: [...new Set([...words, ...joinedPairs(words)])], tokenCount: words.length };
}

/** "surname given names", normalised: what a person's name is compared as. */
export function searchNameOf(surname: string, givenNames: string): string {
  return nameTokens(`${surname} ${givenNames}`).join(' ');
}

const isLatin = (token: string) => /^[a-z]+$/.test(token);
const vowels = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'w', 'h']);

/**
 * A consonant skeleton that survives the usual transliteration differences: Mohammed / Muhammad / Mohamad → MT,
 * Zhang / Chang / Jang → JNK, Park / Pak / Bak → PK, Aleksandr / Alexander → ALKSNTL. Voiced and voiceless pairs
 * merge (b/p, d/t, g/k, v/f, z/s), so do l/r; vowels after the first letter, h, w and y are dropped and repeats
 * collapse. Tokens in other scripts are their own key.
 */
export function phoneticKey(token: string): string {
  if (!isLatin(token)) {
    return token;
  }
  const s = token
    .replace(/^x/, 's')
    .replace(/x/g, 'ks')
    .replace(/sch|sh|hs|sz/g, 'S')
    .replace(/tch|dzh|zh|ch|dj|tz|ts|j/g, 'J')
    .replace(/ph/g, 'f')
    .replace(/kh|gh|ck|q/g, 'k')
    .replace(/th|dh/g, 'd')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c/g, 'k')
    // a silent r before a consonant (Park / Pak)
    .replace(/r(?=[^aeiouyhwr])/g, '');
  const classes: Readonly<Record<string, string>> = {
    b: 'P',
    p: 'P',
    d: 'T',
    t: 'T',
    g: 'K',
    k: 'K',
    v: 'F',
    f: 'F',
    z: 'S',
    s: 'S',
    S: 'S',
    J: 'J',
    l: 'L',
    r: 'L',
    m: 'M',
    n: 'N',
  };
  let key = '';
  for (const [i, ch] of Array.from(s).entries()) {
    const mapped = vowels.has(ch) ? (i === 0 ? 'A' : '') : (classes[ch] ?? ch.toUpperCase());
    if (mapped !== '' && !key.endsWith(mapped)) {
      key += mapped;
    }
  }
  return key;
}

/** Phonetic keys of short tokens match too much ("wei", "wu" and "yu" all reduce to A) to be worth looking up. */
export function usefulPhoneticKey(token: string): string | null {
  const key = phoneticKey(token);
  return isLatin(token) && token.length >= 4 && key.length >= 2 ? key : null;
}

/** The token with each one character deleted, without repeats; none for tokens of one or two characters, whose
 * deletions would match almost everything. */
export function deletionVariants(token: string): string[] {
  const chars = Array.from(token);
  if (chars.length <= 2) {
    return [];
  }
  const variants = new Set<string>();
  for (let i = 0; i < chars.length; i += 1) {
    variants.add([...chars.slice(0, i), ...chars.slice(i + 1)].join(''));
  }
  return [...variants];
}

/** Travel document and permit numbers as lookups compare them: upper case, without spaces, dashes, dots, slashes
 * or MRZ fillers. */
export function normaliseDocumentNumber(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s<./-]+/gu, '');
}
