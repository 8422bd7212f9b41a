// Code tables: versioned reference data served to everyone (accommodations and the public need some of them before
// they have an account). The data lives in ./data as TypeScript files; this module lists them and answers look-ups.
import { createHash } from 'node:crypto';
import type { CodeTable, CodeTableName } from '../../../contracts/code-tables';
import { AppError } from '../../platform/errors';
import { accommodationKinds } from './data/accommodation-kinds';
import { agencyKinds } from './data/agency-kinds';
import { countries } from './data/countries';
import { officeClasses } from './data/office-classes';
import { permitTypes } from './data/permit-types';
import { roles } from './data/roles';
import { teamLevels } from './data/team-levels';
import { teamMemberRoles } from './data/team-member-roles';
import { travelDocumentTypes } from './data/travel-document-types';
import { visaIndexes } from './data/visa-indexes';
import { visitPurposes } from './data/visit-purposes';

/** The country list carries no version of its own: its version is derived from its content, so it moves with it. */
function contentVersion(items: unknown): string {
  return `sha256-${createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 12)}`;
}

const tables: Record<CodeTableName, CodeTable> = {
  'agency-kinds': agencyKinds,
  'office-classes': officeClasses,
  'team-levels': teamLevels,
  'team-member-roles': teamMemberRoles,
  roles,
  countries: {
    name: 'countries',
    version: contentVersion(countries),
    items: countries.map((c) => ({ ...c })),
  },
  'permit-types': permitTypes,
  'visa-indexes': visaIndexes,
  'accommodation-kinds': accommodationKinds,
  'visit-purposes': visitPurposes,
  'travel-document-types': travelDocumentTypes,
};

const codeSets = new Map(Object.values(tables).map((t) => [t.name, new Set(t.items.map((i) => i.code))]));

export function listCodeTables() {
  return Object.values(tables).map((t) => ({ name: t.name, version: t.version, count: t.items.length }));
}

export function getCodeTable(name: string): CodeTable {
  const table = Object.hasOwn(tables, name) ? tables[name as CodeTableName] : undefined;
  if (!table) {
    throw new AppError('CODE_TABLE_NOT_FOUND', 'no such code table', { name });
  }
  return table;
}

/** For services that store a code: is it in the table? */
export function isKnownCode(name: CodeTableName, code: string): boolean {
  return codeSets.get(name)?.has(code) ?? false;
}
