// Organisations: immigration offices, member agencies, TIM PORA teams and their members.
import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { regions } from './regions';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
};

export const offices = pgTable('offices', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  officeClass: text('office_class').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  /** regency/city codes (PP.KK) the office covers; can change when offices split. */
  workingArea: text('working_area').array().notNull().default(sql`'{}'::text[]`),
  address: text('address'),
  phone: text('phone'),
  email: text('email'),
  ...timestamps,
});

export const agencies = pgTable(
  'agencies',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** jurisdiction: any level of area. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** set for the immigration office's own agency: its scope is the office working area. */
    officeId: uuid('office_id').references(() => offices.id),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    ...timestamps,
  },
  (t) => [index('agencies_region_idx').on(t.regionCode)],
);

export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  level: text('level').notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regions.code),
  decreeNumber: text('decree_number'),
  decreeDate: date('decree_date'),
  chairName: text('chair_name'),
  chairTitle: text('chair_title'),
  secretariatOfficeId: uuid('secretariat_office_id').references(() => offices.id),
  periodStart: date('period_start'),
  periodEnd: date('period_end'),
  ...timestamps,
});

export const teamMembers = pgTable(
  'team_members',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    role: text('role').notNull(),
    liaisonName: text('liaison_name'),
    liaisonPhone: text('liaison_phone'),
    liaisonEmail: text('liaison_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('team_members_team_agency_uq').on(t.teamId, t.agencyId)],
);
