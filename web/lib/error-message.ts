// What a person reads when something fails: the API's stable code translated, with the lockout wait spelled out.
import { ApiError } from './api-client';
import { i18n, resources } from './i18n';

type ErrorCode = Exclude<keyof (typeof resources)['id']['errors'], 'wait' | 'UNKNOWN'>;

function isKnownCode(code: string): code is ErrorCode {
  return code !== 'wait' && code !== 'UNKNOWN' && code in resources.id.errors;
}

/** "45 detik", "2 menit", "1 jam": the wait rounded up to the largest sensible unit. */
export function formatWait(seconds: number): string {
  const t = i18n.t.bind(i18n);
  if (seconds < 60) {
    return t('errors:wait.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  }
  if (seconds < 3600) {
    return t('errors:wait.minutes', { count: Math.ceil(seconds / 60) });
  }
  return t('errors:wait.hours', { count: Math.ceil(seconds / 3600) });
}

export function retryAfterSeconds(error: ApiError): number | null {
  const value = error.details.retryAfterSeconds;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function errorMessage(error: unknown): string {
  const t = i18n.t.bind(i18n);
  if (!(error instanceof ApiError)) {
    return t('errors:UNKNOWN', { code: error instanceof Error ? error.name : 'ERROR' });
  }
  if (error.code === 'ACCOUNT_LOCKED' || error.code === 'TOO_MANY_REQUESTS') {
    const wait = retryAfterSeconds(error);
    if (wait === null) {
      return t('errors:TOO_MANY_REQUESTS_short');
    }
    return t(`errors:${error.code}`, { wait: formatWait(wait) });
  }
  if (isKnownCode(error.code)) {
    return t(`errors:${error.code}`);
  }
  return t('errors:UNKNOWN', { code: error.code });
}
