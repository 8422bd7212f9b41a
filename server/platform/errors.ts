// One error type with stable codes; the HTTP layer maps codes to status and RFC 9457 problem+json.
// Messages here are for logs and developers; the web app translates the code for people.

export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  SESSION_EXPIRED: 401,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_REQUESTS: 429,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  PERMISSION_DENIED: 403,
  ROLE_NOT_GRANTABLE: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  REGION_NOT_FOUND: 404,
  OFFICE_NOT_FOUND: 404,
  AGENCY_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TEAM_MEMBER_NOT_FOUND: 404,
  CODE_TABLE_NOT_FOUND: 404,
  PERSON_NOT_FOUND: 404,
  PERSON_NAME_NOT_FOUND: 404,
  TRAVEL_DOCUMENT_NOT_FOUND: 404,
  PERMIT_NOT_FOUND: 404,
  ADDRESS_NOT_FOUND: 404,
  SPONSOR_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  ARCHIVED: 409,
  TEAM_MEMBER_EXISTS: 409,
  SELF_CHANGE_REFUSED: 409,
  DUPLICATE_CANDIDATES: 409,
  PERSON_MERGED: 409,
  PASSWORD_TOO_SHORT: 422,
  PASSWORD_TOO_COMMON: 422,
  PASSWORD_SAME_AS_OLD: 422,
  PASSWORD_CONTAINS_EMAIL: 422,
  WRONG_PASSWORD: 422,
  TOTP_ALREADY_ENABLED: 409,
  TOTP_NOT_ENABLED: 409,
  TOTP_NOT_PENDING: 409,
  REGION_OUT_OF_SCOPE: 422,
  INVALID_REFERENCE: 422,
  MRZ_INVALID: 422,
  MRZ_MISMATCH: 422,
  DATE_ORDER_INVALID: 422,
  NOT_READY: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type Problem = {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: { path: string; code: string; message: string }[];
  [extra: string]: unknown;
};

export function toProblem(e: AppError, requestId?: string): Problem {
  const { errors, ...rest } = (e.details ?? {}) as { errors?: Problem['errors'] };
  return {
    ...rest,
    type: `https://pora.invalid/problems/${e.code.toLowerCase().replaceAll('_', '-')}`,
    title: e.code,
    status: e.status,
    code: e.code,
    detail: e.message,
    ...(requestId ? { requestId } : {}),
    ...(errors ? { errors } : {}),
  };
}
