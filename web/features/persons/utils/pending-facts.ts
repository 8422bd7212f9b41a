// Facts typed for a new person who turned out to be on file already: they travel (in the page's navigation state)
// to the existing person's page, where the officer adds each one there with a click, or leaves it.
import type { AddressValues, DocumentValues, IdentityValues, PermitValues } from './form-values';

export type PendingFacts = {
  identity?: IdentityValues;
  document?: DocumentValues;
  permit?: PermitValues;
  address?: AddressValues;
};

export function pendingFactsOf(state: unknown): PendingFacts | null {
  if (typeof state !== 'object' || state === null || !('pending' in state)) {
    return null;
  }
  const pending = (state as { pending: unknown }).pending;
  return typeof pending === 'object' && pending !== null ? (pending as PendingFacts) : null;
}
