// One error type with stable codes; the HTTP layer maps codes to status and RFC 9457 problem+json.
// Messages here are for logs and developers; the web app translates the code for people.

export const errorStatus = {
  VALIDATION_FAILED: 400,
  INVALID_JSON: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  IMPORT_FILE_TOO_LARGE: 413,
  IMPORT_FILE_MISSING: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOTP_REQUIRED: 401,
  TOTP_INVALID: 401,
  SESSION_EXPIRED: 401,
  API_KEY_INVALID: 401,
  API_KEY_REVOKED: 401,
  ACCOUNT_LOCKED: 429,
  TOO_MANY_REQUESTS: 429,
  REMINDER_TOO_SOON: 429,
  ACCOUNT_DISABLED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  TOTP_ENROLMENT_REQUIRED: 403,
  PERMISSION_DENIED: 403,
  ROLE_NOT_GRANTABLE: 403,
  CSRF_REJECTED: 403,
  API_KEY_NOT_ALLOWED: 403,
  ACCOMMODATION_NOT_ACTIVE: 403,
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
  ACCOMMODATION_NOT_FOUND: 404,
  API_KEY_NOT_FOUND: 404,
  RECEIPT_NOT_FOUND: 404,
  STAY_NOT_FOUND: 404,
  STAY_BATCH_NOT_FOUND: 404,
  NOTIFICATION_NOT_FOUND: 404,
  STAY_ALREADY_CHECKED_IN: 409,
  STAY_STATUS_CONFLICT: 409,
  STAY_CHECK_OUT_BEFORE_CHECK_IN: 422,
  STAY_TIME_IN_FUTURE: 422,
  STAY_ARRIVAL_TOO_OLD: 422,
  STAY_GUEST_DUPLICATE: 422,
  STAY_GUEST_INCOMPLETE: 422,
  STAY_UPLOAD_COLUMNS_MISSING: 422,
  IDEMPOTENCY_KEY_REUSED: 422,
  EMAIL_TAKEN: 409,
  CONFLICT: 409,
  ARCHIVED: 409,
  TEAM_MEMBER_EXISTS: 409,
  SELF_CHANGE_REFUSED: 409,
  DUPLICATE_CANDIDATES: 409,
  PERSON_MERGED: 409,
  PERSON_NOT_MERGED: 409,
  MERGE_SAME_PERSON: 422,
  MERGE_UNDO_BLOCKED: 409,
  MERGE_UNDO_NOT_EXACT: 409,
  DUPLICATE_DOCUMENT: 409,
  ACCOMMODATION_DUPLICATE: 409,
  ACCOMMODATION_STATUS_CONFLICT: 409,
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
  IMPORT_FILE_UNREADABLE: 422,
  IMPORT_NO_HEADER_ROW: 422,
  IMPORT_TOO_MANY_ROWS: 422,
  IMPORT_MAPPING_INCOMPLETE: 422,
  IMPORT_NOT_FOUND: 404,
  IMPORT_STATE_CONFLICT: 409,
  EXPORT_TOO_LARGE: 422,
  RECEIPT_ARCHIVE_TOO_LARGE: 422,
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
