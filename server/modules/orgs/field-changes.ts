// What an update changed, for the audit row: only the fields whose value differs, each with before and after.

type Comparable = string | number | boolean | null | undefined | readonly string[] | Date;

function sameValue(a: Comparable, b: Comparable): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => v === b[i]);
  }
  if (a instanceof Date && b instanceof Date) {
    return a.getTime() === b.getTime();
  }
  return (a ?? null) === (b ?? null);
}

/** The fields of `patch` whose value differs from `before`; undefined fields in the patch are left out. */
export function changedFields<T extends Record<string, Comparable>>(
  before: T,
  patch: Partial<T>,
): { [K in keyof T]?: { from: T[K]; to: T[K] } } {
  const changes: { [K in keyof T]?: { from: T[K]; to: T[K] } } = {};
  for (const key of Object.keys(patch) as (keyof T)[]) {
    const to = patch[key];
    if (to !== undefined && !sameValue(before[key], to)) {
      changes[key] = { from: before[key], to: to as T[keyof T] };
    }
  }
  return changes;
}

export function hasChanges(changes: object): boolean {
  return Object.keys(changes).length > 0;
}
