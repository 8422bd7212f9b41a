// The two message catalogues say the same things: every key in both languages, the same placeholders, and a message
// for every error code the API can answer with.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { errorStatus } from '../../server/platform/errors';

const here = path.dirname(fileURLToPath(import.meta.url));
type Catalogue = { [key: string]: string | Catalogue };

function load(locale: string): Record<string, Catalogue> {
  const dir = path.join(here, locale);
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Catalogue]),
  );
}

/** "ns:a.b.c" → message, with plural forms (_one, _other) folded into their base key. */
function flatten(catalogues: Record<string, Catalogue>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, node: Catalogue) => {
    for (const [key, value] of Object.entries(node)) {
      const name = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
      if (typeof value === 'string') {
        out.set(name, value);
      } else {
        walk(`${name}.`, value);
      }
    }
  };
  for (const [ns, catalogue] of Object.entries(catalogues)) {
    walk(`${ns}:`, catalogue);
  }
  return out;
}

const placeholders = (message: string) => [...message.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

const id = flatten(load('id'));
const en = flatten(load('en'));

describe('message catalogues', () => {
  it('have the same namespaces and keys in Bahasa Indonesia and English', () => {
    expect([...en.keys()].filter((k) => !id.has(k))).toEqual([]);
    expect([...id.keys()].filter((k) => !en.has(k))).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const differing = [...id.entries()]
      .filter(([key, message]) => {
        const other = en.get(key);
        return other !== undefined && placeholders(message).join() !== placeholders(other).join();
      })
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('have no empty messages', () => {
    expect([...id.entries(), ...en.entries()].filter(([, message]) => message.trim() === '').map(([k]) => k)).toEqual(
      [],
    );
  });

  it('translate every error code of the API', () => {
    const codes = Object.keys(errorStatus);
    expect(codes.filter((code) => !id.has(`errors:${code}`))).toEqual([]);
    expect(codes.filter((code) => !en.has(`errors:${code}`))).toEqual([]);
  });
});
