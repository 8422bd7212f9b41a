// API keys read in the last few seconds, per database: a property-management system sends many requests a second
// with one key, and reading the key (and its property) for each was half of a single check-in's statements. An entry
// lives KEY_CACHE_MS at most; revoking a key, changing a property's status or its registration forgets every entry
// of this process at once (other processes of a national instance within KEY_CACHE_MS). Unknown keys are never kept.
import type { Database } from '../../db/client';
import type { KeyForAuthentication } from './accommodations.repo';

export const KEY_CACHE_MS = 5_000;
/** more entries than this and the cache starts again (it holds a few hundred keys in practice) */
const MAX_ENTRIES = 10_000;

type Entry = { key: KeyForAuthentication; readAt: number };

const caches = new WeakMap<Database, Map<string, Entry>>();

function cacheOf(database: Database): Map<string, Entry> {
  let cache = caches.get(database);
  if (!cache) {
    cache = new Map();
    caches.set(database, cache);
  }
  return cache;
}

/** The key with this hash as read less than KEY_CACHE_MS ago, if it was. */
export function recentKey(database: Database, hash: string, now: Date): KeyForAuthentication | undefined {
  const entry = cacheOf(database).get(hash);
  const age = entry ? now.getTime() - entry.readAt : Number.POSITIVE_INFINITY;
  return age >= 0 && age < KEY_CACHE_MS ? entry?.key : undefined;
}

export function keepKey(database: Database, hash: string, key: KeyForAuthentication, now: Date): void {
  const cache = cacheOf(database);
  if (cache.size >= MAX_ENTRIES) {
    cache.clear();
  }
  cache.set(hash, { key, readAt: now.getTime() });
}

/** After a key is revoked or a property's status or registration changes (called once its transaction committed). */
export function forgetKeys(database: Database): void {
  cacheOf(database).clear();
}

/**
 * Keys that authenticated a request in this process (by hash), for the request rate limit: an address sending with
 * one of them is a property-management system and gets the higher limit. Kept when the cache above is forgotten
 * (a revocation must not throttle every other property behind the same address); authentication still decides.
 */
const knownKeys = new WeakMap<Database, Set<string>>();

export function rememberKnownKey(database: Database, hash: string): void {
  let known = knownKeys.get(database);
  if (!known) {
    known = new Set();
    knownKeys.set(database, known);
  }
  if (known.size >= MAX_ENTRIES) {
    known.clear();
  }
  known.add(hash);
}

export const isKnownKey = (database: Database, hash: string) => knownKeys.get(database)?.has(hash) ?? false;
