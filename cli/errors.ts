// One line for the person at the terminal: what went wrong, in Bahasa Indonesia where PORA knows the cause.
import { AppError, type ErrorCode } from '../server/platform/errors';

const appErrors: Partial<Record<ErrorCode, string>> = {
  EMAIL_TAKEN: 'alamat email itu sudah dipakai akun lain',
  PASSWORD_TOO_SHORT: 'kata sandi terlalu pendek (minimal 12 karakter)',
  PASSWORD_TOO_COMMON: 'kata sandi terlalu umum atau mudah ditebak; pilih yang lain',
  PASSWORD_CONTAINS_EMAIL: 'kata sandi tidak boleh memuat nama email',
  AGENCY_NOT_FOUND: 'instansi tidak ditemukan',
  USER_NOT_FOUND: 'pengguna dengan email itu tidak ditemukan',
  TOTP_NOT_ENABLED: 'pengguna itu belum memakai 2FA; tidak ada yang perlu direset',
  ROLE_NOT_GRANTABLE: 'peran itu tidak dapat diberikan',
  PERMISSION_DENIED: 'tidak diizinkan',
  REGION_OUT_OF_SCOPE: 'wilayah di luar cakupan',
};

function firstLine(text: string): string {
  return text.split('\n').find((l) => l.trim().length > 0) ?? text;
}

function invalidReference(details: Record<string, unknown> | undefined): string {
  switch (details?.field) {
    case 'kind':
      return `jenis instansi tidak dikenal: ${String(details.code)}`;
    case 'regionCode':
      return 'kode wilayah tidak dikenal (gunakan kode Kemendagri, mis. 16.03)';
    case 'officeId':
      return 'kantor tidak ditemukan';
    default:
      return 'instansi tidak ditemukan atau sudah diarsipkan';
  }
}

export function describeError(error: unknown): string {
  if (error instanceof AppError && error.code === 'INVALID_REFERENCE') {
    return invalidReference(error.details);
  }
  if (error instanceof AppError) {
    const known = appErrors[error.code];
    const errors = (error.details?.errors as { path: string; message: string }[] | undefined) ?? [];
    if (known) {
      return known;
    }
    if (errors.length > 0) {
      return `data tidak sah: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`;
    }
    return `${error.code}: ${firstLine(error.message)}`;
  }
  if (error instanceof Error) {
    if (error.message.startsWith('Invalid configuration:')) {
      const lines = error.message
        .split('\n')
        .slice(1)
        .map((l) => l.trim());
      return `konfigurasi tidak sah: ${lines.join('; ')}`;
    }
    return firstLine(error.message);
  }
  return String(error);
}
