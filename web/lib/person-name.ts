// How a foreigner's name is written in lists and headings: the surname first, as the passport and officers write it
// ("ERIKSSON, Anna Maria"); the name as written in the document when it has no surname/given-name split.
export type PersonNameParts = { surname: string; givenNames: string; fullName?: string | null };

export function personDisplayName({ surname, givenNames, fullName }: PersonNameParts): string {
  const family = surname.trim();
  const given = givenNames.trim();
  if (family && given) {
    return `${family}, ${given}`;
  }
  return family || given || fullName?.trim() || '—';
}
