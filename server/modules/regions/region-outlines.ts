// Outlines of the regencies and cities (Kemendagri boundaries, simplified to ~1 km: data/regency-outlines.json, made
// by scripts/simplify-regency-outlines.py; MIT, licence beside it) for maps drawn without a tile server.
import { readFileSync } from 'node:fs';
import type { Scope } from '../../platform/access';

export type RegencyOutline = {
  code: string;
  name: string;
  /** [longitude, latitude] of the regency's label point */
  center: [number, number];
  /** outer rings of its polygons, each a list of [longitude, latitude] */
  rings: [number, number][][];
};

let outlines: Map<string, RegencyOutline> | undefined;

function allOutlines(): Map<string, RegencyOutline> {
  if (!outlines) {
    const file = JSON.parse(readFileSync(new URL('./data/regency-outlines.json', import.meta.url), 'utf8')) as {
      regencies: RegencyOutline[];
    };
    outlines = new Map(file.regencies.map((r) => [r.code, r]));
  }
  return outlines;
}

/** The regency (`16.03`) an area code of any level below the province lies in; null for a province. */
export function regencyOf(code: string): string | null {
  const parts = code.split('.');
  return parts.length >= 2 ? `${parts[0]}.${parts[1]}` : null;
}

/**
 * The outlines of the regencies a scope covers (a province prefix covers all its regencies, a district or village
 * prefix the regency around it) plus those of `alsoCodes` (areas of any level); for national scope only `alsoCodes`.
 */
export function regencyOutlinesFor(scope: Scope, alsoCodes: readonly string[] = []): RegencyOutline[] {
  const all = allOutlines();
  const wanted = new Set<string>();
  const prefixes = scope === 'all' ? [] : scope;
  for (const prefix of prefixes) {
    const regency = regencyOf(prefix);
    if (regency) {
      wanted.add(regency);
    } else {
      for (const code of all.keys()) {
        if (code.startsWith(`${prefix}.`)) {
          wanted.add(code);
        }
      }
    }
  }
  for (const code of alsoCodes) {
    const regency = regencyOf(code);
    if (regency) {
      wanted.add(regency);
    }
  }
  return [...wanted]
    .sort()
    .map((code) => all.get(code))
    .filter((r): r is RegencyOutline => r !== undefined);
}
