// The in-memory name index on its own (no database): words run together or split in any order, words two typos
// away, known spellings with a typo, and what a name word more or less and spacing as typed cost.
import { describe, expect, it } from 'vitest';
import { postingTokens } from './person-names';
import { planQuery } from './person-search';
import { NameIndex } from './person-search.index';

function indexOf(names: readonly string[]) {
  const index = new NameIndex();
  for (const [i, name] of names.entries()) {
    const { tokens, tokenCount } = postingTokens(name, '');
    index.add(i + 1, tokens.join(' '), tokenCount);
  }
  const ranked = (q: string) => index.rank(planQuery(q), 0.5).map((r) => names[r.keyId - 1]);
  return { first: (q: string) => ranked(q)[0], ranked };
}

describe('words run together or split', () => {
  const { first, ranked } = indexOf([
    'MOHD AHMAD BIN HASSAN',
    'AHMAD BIN HASSAN',
    'AHMAD BIN ISMAIL',
    'LO KUAN HSIN',
    'KUAN HSIN',
    'AL QAHTANI AHMED MUHAMMAD',
    'AL QAHTANI MUHAMMAD AHMED',
    'MOHAMED ZULKIFLI BIN ABDULLAH',
    'MOHAMED HAKIM ZULKIFLI BIN ABDULLAH',
    'KIM MINSEO',
    'KIM MIN SEO',
    'TAN WEI WEI',
    'TAN WEIWEI',
    'WANG FANGBIN',
    'FANG BIN',
  ]);

  it('finds a word typed together with another one of the name, in another order than the name writes them', () => {
    expect(first('AHMAD BIN HASSANMOHD')).toBe('MOHD AHMAD BIN HASSAN');
    expect(first('kuan hsinlo')).toBe('LO KUAN HSIN');
    expect(ranked('qahtanial muhammad ahmed').slice(0, 2)).toContain('AL QAHTANI AHMED MUHAMMAD');
  });

  it('counts a name word the query left out, also when the query split or joined words', () => {
    expect(first('Zul Kifli Bin Abdullah Mohamed')).toBe('MOHAMED ZULKIFLI BIN ABDULLAH');
    expect(first('fang bin')).toBe('FANG BIN');
    expect(ranked('fangbin')).toEqual(expect.arrayContaining(['FANG BIN', 'WANG FANGBIN']));
  });

  it('prefers the spacing as typed when the words are the same', () => {
    expect(first('KIM MINSOE')).toBe('KIM MINSEO');
    expect(first('kim min soe')).toBe('KIM MIN SEO');
    expect(first('TNA WEI WEI')).toBe('TAN WEI WEI');
    expect(first('TNA WEIWEI')).toBe('TAN WEIWEI');
  });
});

describe('two typos and a typo in a known spelling', () => {
  const { first } = indexOf([
    'HUNG CHENG CHING',
    'HUANG CHENGHONG',
    'HUNG CHENG',
    'MENDOZA ANGELO JOSE',
    'MENDOZA ANGELO ANA',
    'MENDOZA ANGELO JOY',
    'AL ZAHRANI USMAN MUHAMMAD',
    'AL ZAHRANI MUHAMMAD',
    'AL ZAHRANI TARIQ MUHAMMAD',
    'GIRARD MICHEL',
    'GIBSON MICHAEL',
  ]);

  it('finds a short word two typos away, keeping its first letter', () => {
    expect(first('hung cheng ckng')).toBe('HUNG CHENG CHING');
    expect(first('Mendoza Angelo Jodde')).toBe('MENDOZA ANGELO JOSE');
    expect(first('GIAD MICHEL')).toBe('GIRARD MICHEL');
  });

  it('finds a known romanisation of a word with one typo put right', () => {
    // UTHAMN: UTHMAN with two letters swapped, and UTHMAN is a spelling of USMAN
    expect(first('Al Zahrani Uthamn Muhammad')).toBe('AL ZAHRANI USMAN MUHAMMAD');
  });
});
