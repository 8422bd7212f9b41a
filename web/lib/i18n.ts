// Message catalogues and the current language: Bahasa Indonesia by default, English second. Before sign-in the choice
// is kept in this browser; once signed in, the user's own setting (PATCH /me) wins.
import dayjs from 'dayjs';
import 'dayjs/locale/id';
import 'dayjs/locale/en-gb';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../contracts/common';
import enAccommodations from '../locales/en/accommodations.json';
import enAgencies from '../locales/en/agencies.json';
import enAudit from '../locales/en/audit.json';
import enAuth from '../locales/en/auth.json';
import enCommon from '../locales/en/common.json';
import enCompliance from '../locales/en/compliance.json';
import enErrors from '../locales/en/errors.json';
import enHome from '../locales/en/home.json';
import enNotifications from '../locales/en/notifications.json';
import enOffices from '../locales/en/offices.json';
import enPersons from '../locales/en/persons.json';
import enProfile from '../locales/en/profile.json';
import enReceipts from '../locales/en/receipts.json';
import enRegisterImport from '../locales/en/register-import.json';
import enSponsors from '../locales/en/sponsors.json';
import enStays from '../locales/en/stays.json';
import enTeams from '../locales/en/teams.json';
import enUsers from '../locales/en/users.json';
import idAccommodations from '../locales/id/accommodations.json';
import idAgencies from '../locales/id/agencies.json';
import idAudit from '../locales/id/audit.json';
import idAuth from '../locales/id/auth.json';
import idCommon from '../locales/id/common.json';
import idCompliance from '../locales/id/compliance.json';
import idErrors from '../locales/id/errors.json';
import idHome from '../locales/id/home.json';
import idNotifications from '../locales/id/notifications.json';
import idOffices from '../locales/id/offices.json';
import idPersons from '../locales/id/persons.json';
import idProfile from '../locales/id/profile.json';
import idReceipts from '../locales/id/receipts.json';
import idRegisterImport from '../locales/id/register-import.json';
import idSponsors from '../locales/id/sponsors.json';
import idStays from '../locales/id/stays.json';
import idTeams from '../locales/id/teams.json';
import idUsers from '../locales/id/users.json';

export const resources = {
  id: {
    common: idCommon,
    errors: idErrors,
    auth: idAuth,
    profile: idProfile,
    home: idHome,
    offices: idOffices,
    agencies: idAgencies,
    teams: idTeams,
    users: idUsers,
    audit: idAudit,
    persons: idPersons,
    sponsors: idSponsors,
    receipts: idReceipts,
    accommodations: idAccommodations,
    registerImport: idRegisterImport,
    stays: idStays,
    compliance: idCompliance,
    notifications: idNotifications,
  },
  en: {
    common: enCommon,
    errors: enErrors,
    auth: enAuth,
    profile: enProfile,
    home: enHome,
    offices: enOffices,
    agencies: enAgencies,
    teams: enTeams,
    users: enUsers,
    audit: enAudit,
    persons: enPersons,
    sponsors: enSponsors,
    receipts: enReceipts,
    accommodations: enAccommodations,
    registerImport: enRegisterImport,
    stays: enStays,
    compliance: enCompliance,
    notifications: enNotifications,
  },
} as const;

export const defaultNS = 'common';
export const locales: readonly Locale[] = ['id', 'en'];
const STORAGE_KEY = 'pora.locale';

const dayjsLocale: Record<Locale, string> = { id: 'id', en: 'en-gb' };

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

export function storedLocale(): Locale {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : 'id';
  } catch {
    return 'id';
  }
}

export function rememberLocale(locale: Locale) {
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** A language picked on the sign-in page during this visit: it becomes the user's own setting once signed in. */
let choiceBeforeSignIn: Locale | null = null;

export function rememberChoiceBeforeSignIn(locale: Locale) {
  choiceBeforeSignIn = locale;
}

export function takeChoiceBeforeSignIn(): Locale | null {
  const choice = choiceBeforeSignIn;
  choiceBeforeSignIn = null;
  return choice;
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : 'id';
}

function setDocumentLanguage(language: string) {
  const locale = isLocale(language) ? language : 'id';
  document.documentElement.lang = locale;
  dayjs.locale(dayjsLocale[locale]);
}

i18n.on('languageChanged', setDocumentLanguage);

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale(),
  fallbackLng: 'id',
  supportedLngs: ['id', 'en'],
  defaultNS,
  ns: Object.keys(resources.id),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
setDocumentLanguage(i18n.language);

export { i18n };
