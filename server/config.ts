// Every setting PORA reads from the environment, parsed once. Nothing else reads process.env.
import { z } from 'zod';

const flag = z.enum(['on', 'off', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  PORA_DATA_DIR: z.string().default('./data'),
  PORA_DEMO: flag.optional(),
  PORA_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORA_PUBLIC_URL: z.string().url().optional(),
  PORA_SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'PORA_SECRET_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  PORA_SESSION_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  PORA_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  PORA_TRUST_PROXY: flag.default(false),
  PORA_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  PORA_JOBS: flag.default(true),
  PORA_EXPIRING_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  PORA_RECEIPT_SIGNING_KEY: z.string().optional(),
  PORA_RECEIPT_SIGNING_KEY_FILE: z.string().optional(),
  PORA_SMTP_URL: z.string().url().optional(),
  PORA_SMTP_HOST: z.string().optional(),
  PORA_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PORA_SMTP_USER: z.string().optional(),
  PORA_SMTP_PASS: z.string().optional(),
  PORA_SMTP_SECURE: flag.optional(),
  PORA_MAIL_FROM: z.string().optional(),
  PORA_CHECKOUT_GRACE_DAYS: z.coerce.number().int().min(0).max(60).default(2),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  /** undefined: decided by the database mode (embedded → load the demo on an empty database). */
  demo: boolean | undefined;
  logLevel: z.infer<typeof envSchema>['PORA_LOG_LEVEL'];
  publicUrl: string | undefined;
  secretKeyHex: string | undefined;
  sessionHours: number;
  sessionIdleMinutes: number;
  trustProxy: boolean;
  bodyLimitBytes: number;
  jobs: boolean;
  /** a stay permit ending within this many days counts as expiring (register status). */
  expiringDays: number;
  /** Ed25519 private key for receipts (PKCS8 PEM, or its DER in base64); else derived from the instance secret. */
  receiptSigningKey: string | undefined;
  /** a file holding that key (PEM or base64), instead of the variable */
  receiptSigningKeyFile: string | undefined;
  /** outgoing e-mail; undefined: no e-mail is sent (notifications stay in the app) */
  smtp: SmtpConfig | undefined;
  /** days a stay may stay past its expected check-out (after the operator's reminder) before the office gets an item */
  checkoutGraceDays: number;
};

/** An SMTP URL (smtp://user:pass@host:587, smtps://…) or host/port/user/pass, and the sender address. */
export type SmtpConfig = {
  url: string | undefined;
  host: string | undefined;
  port: number | undefined;
  user: string | undefined;
  pass: string | undefined;
  secure: boolean | undefined;
  from: string;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.PORA_DATA_DIR,
    demo: e.PORA_DEMO,
    logLevel: e.PORA_LOG_LEVEL,
    publicUrl: e.PORA_PUBLIC_URL,
    secretKeyHex: e.PORA_SECRET_KEY,
    sessionHours: e.PORA_SESSION_HOURS,
    sessionIdleMinutes: e.PORA_SESSION_IDLE_MINUTES,
    trustProxy: e.PORA_TRUST_PROXY,
    bodyLimitBytes: e.PORA_BODY_LIMIT_BYTES,
    jobs: e.PORA_JOBS,
    expiringDays: e.PORA_EXPIRING_DAYS,
    receiptSigningKey: e.PORA_RECEIPT_SIGNING_KEY,
    receiptSigningKeyFile: e.PORA_RECEIPT_SIGNING_KEY_FILE,
    smtp:
      e.PORA_SMTP_URL || e.PORA_SMTP_HOST
        ? {
            url: e.PORA_SMTP_URL,
            host: e.PORA_SMTP_HOST,
            port: e.PORA_SMTP_PORT,
            user: e.PORA_SMTP_USER,
            pass: e.PORA_SMTP_PASS,
            secure: e.PORA_SMTP_SECURE,
            from: e.PORA_MAIL_FROM ?? 'PORA <pora@localhost>',
          }
        : undefined,
    checkoutGraceDays: e.PORA_CHECKOUT_GRACE_DAYS,
  };
}
