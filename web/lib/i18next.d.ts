// Typed translation keys: a key missing from the Indonesian catalogue is a type error.
import 'i18next';
import type { defaultNS, resources } from './i18n';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof defaultNS;
    resources: (typeof resources)['id'];
    returnNull: false;
  }
}
