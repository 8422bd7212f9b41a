// Dates, times and numbers as Indonesians write them (id-ID), in the time zone of the user's area (WIB, WITA, WIT):
// instants come from the API in UTC and a district office reads them in its own zone.
import type { Locale } from '../../contracts/common';

export type Zone = { timeZone: string; abbr: 'WIB' | 'WITA' | 'WIT'; offset: '+07:00' | '+08:00' | '+09:00' };

const WIB: Zone = { timeZone: 'Asia/Jakarta', abbr: 'WIB', offset: '+07:00' };
const WITA: Zone = { timeZone: 'Asia/Makassar', abbr: 'WITA', offset: '+08:00' };
const WIT: Zone = { timeZone: 'Asia/Jayapura', abbr: 'WIT', offset: '+09:00' };

/** Province codes (Kemendagri) outside WIB. Kalimantan Barat (61) and Tengah (62) are WIB. */
const witaProvinces = new Set(['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76']);
const witProvinces = new Set(['81', '82', '91', '92', '93', '94', '95', '96', '97']);

export function zoneOfRegion(code: string | null | undefined): Zone {
  const province = code?.slice(0, 2) ?? '';
  if (witaProvinces.has(province)) {
    return WITA;
  }
  if (witProvinces.has(province)) {
    return WIT;
  }
  return WIB;
}

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A calendar date from a document ("2025-03-12") → "12 Mar 2025"; never shifted by a time zone. */
export function formatDate(value: string | null | undefined, locale: Locale): string {
  if (!value) {
    return '';
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : toDate(value);
  if (!date) {
    return value;
  }
  return new Intl.DateTimeFormat(intlLocale[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** An instant → "12 Mar 2025 14.05 WIB" in the given zone. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale, zone: Zone = WIB): string {
  if (!value) {
    return '';
  }
  const date = toDate(value);
  if (!date) {
    return String(value);
  }
  const text = new Intl.DateTimeFormat(intlLocale[locale], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: zone.timeZone,
  }).format(date);
  return `${text} ${zone.abbr}`;
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale[locale]).format(value);
}

/** The first instant of a calendar day in a zone: "2026-01-31" → "2026-01-31T00:00:00+07:00". */
export function startOfDay(date: string, zone: Zone): string {
  return `${date}T00:00:00${zone.offset}`;
}

/** The first instant after a calendar day in a zone (an exclusive upper bound). */
export function endOfDay(date: string, zone: Zone): string {
  const [y, m, d] = date.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1));
  return startOfDay(next.toISOString().slice(0, 10), zone);
}
