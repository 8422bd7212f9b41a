// The work behind each `pora` command, on an open database, writing to an Io: cli/pora.ts wires them to commander,
// the tests call them directly. Each returns the process exit code.
import { roleSchema } from '../contracts/common';
import { agencyCreate } from '../contracts/orgs';
import { userCreate } from '../contracts/users';
import type { Config } from '../server/config';
import type { Database } from '../server/db/client';
import { verifyAuditLog } from '../server/modules/audit/audit.service';
import { createBackup, restoreBackup } from '../server/modules/backup/backup.service';
import { formatDemoAccounts, seedDemo, signInUrl } from '../server/modules/demo/demo.service';
import { createAgency, listAgencies } from '../server/modules/orgs/agencies.service';
import { createUser, findUserByEmail, resetUserTotp } from '../server/modules/users/users.service';
import { rolesRequiringTotp } from '../server/platform/access';
import { CliError, instanceKeyFingerprint, systemContext } from './database';

export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** the whole of standard input (for --password-stdin). */
  readStdin: () => Promise<string>;
};

export type CommandDeps = { database: Database; config: Config; io: Io };
type Deps = CommandDeps;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function seedDemoCommand({ database, config, io }: Deps, opts: { force: boolean }): Promise<number> {
  const result = await seedDemo(database, { config, force: opts.force });
  if (result.loadedParts.length === 0) {
    io.out('Skenario demo sudah dimuat sebelumnya; tidak ada yang diubah.');
    return 0;
  }
  io.out(`Skenario demo dimuat (bagian: ${result.loadedParts.join(', ')}).`);
  if (result.accounts.length > 0) {
    io.out(formatDemoAccounts(result.accounts, signInUrl(config)));
    io.out(`Akun demo juga disimpan di ${result.accountsFile} (hanya dapat dibaca pemiliknya).`);
  }
  return 0;
}

/** An agency for the first accounts of a new installation; everything else about organisations is in the web app. */
export async function agencyCreateCommand(
  deps: Deps,
  opts: { name: string; kind: string; region: string },
): Promise<number> {
  const input = agencyCreate.safeParse({ name: opts.name, kind: opts.kind, regionCode: opts.region });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new CliError(`data instansi tidak sah: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const agency = await createAgency(systemContext(deps.database, deps.config), input.data);
  deps.io.out(`Instansi dibuat: ${agency.name} (${agency.kind}, ${agency.region.name}), id ${agency.id}.`);
  return 0;
}

/** An agency named by id or by its exact name (case aside); an ambiguous name lists the candidates. */
async function resolveAgency(deps: Deps, ref: string): Promise<{ id: string; name: string }> {
  const ctx = systemContext(deps.database, deps.config);
  const wanted = ref.trim();
  if (UUID.test(wanted)) {
    return { id: wanted.toLowerCase(), name: wanted };
  }
  const page = await listAgencies(ctx, { q: wanted.slice(0, 100), limit: 200, offset: 0, includeArchived: false });
  const exact = page.items.filter((a) => a.name.toLowerCase() === wanted.toLowerCase());
  if (exact.length === 1 && exact[0]) {
    return exact[0];
  }
  if (exact.length > 1) {
    throw new CliError(
      `ada ${exact.length} instansi bernama "${wanted}"; sebutkan id-nya: ${exact.map((a) => a.id).join(', ')}`,
    );
  }
  const hint = page.items
    .slice(0, 3)
    .map((a) => `"${a.name}"`)
    .join(', ');
  throw new CliError(`instansi "${wanted}" tidak ditemukan${hint ? ` (mungkin: ${hint})` : ''}`);
}

export async function userCreateCommand(
  deps: Deps,
  opts: { email: string; name: string; role: string[]; agency: string; passwordStdin: boolean },
): Promise<number> {
  const { io } = deps;
  const roles = opts.role.map((r) => {
    const parsed = roleSchema.safeParse(r);
    if (!parsed.success) {
      throw new CliError(`peran tidak dikenal: ${r} (pilih dari: ${roleSchema.options.join(', ')})`);
    }
    return parsed.data;
  });
  let password: string | undefined;
  if (opts.passwordStdin) {
    // One trailing line break is the end of the line typed or piped, not part of the password.
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (!password) {
      throw new CliError('tidak ada kata sandi di standar input');
    }
  }
  const agency = await resolveAgency(deps, opts.agency);
  const input = userCreate.safeParse({ email: opts.email, name: opts.name, agencyId: agency.id, roles });
  if (!input.success) {
    const issue = input.error.issues[0];
    throw new CliError(`data pengguna tidak sah: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const ctx = systemContext(deps.database, deps.config);
  const { user, oneTimePassword } = await createUser(ctx, input.data, password === undefined ? {} : { password });
  io.out(
    `Pengguna dibuat: ${user.name} <${user.email}>, peran ${user.roles.join(', ')}, instansi ${user.agency.name}.`,
  );
  if (oneTimePassword) {
    io.out(`Kata sandi sekali pakai: ${oneTimePassword}`);
    io.out('Serahkan secara aman; kata sandi ini harus diganti saat pertama masuk.');
  }
  if (user.roles.some((r) => rolesRequiringTotp.includes(r))) {
    io.out('Peran ini wajib memakai 2FA (TOTP): pengguna mendaftarkannya saat pertama masuk.');
  }
  return 0;
}

export async function userResetTotpCommand(deps: Deps, opts: { email: string }): Promise<number> {
  const ctx = systemContext(deps.database, deps.config);
  const user = await findUserByEmail(ctx, opts.email);
  await resetUserTotp(ctx, user.id);
  deps.io.out(
    `2FA untuk ${user.email} direset: kode pemulihan lama tidak berlaku, dan pengguna mendaftarkan 2FA lagi saat masuk.`,
  );
  return 0;
}

const problems = {
  changed: 'isinya diubah',
  missing: 'hilang (atau disisipkan)',
  broken_link: 'tautannya ke baris sebelumnya putus',
} as const;

export async function auditVerifyCommand(deps: Deps): Promise<number> {
  const result = await verifyAuditLog(systemContext(deps.database, deps.config));
  if (result.ok) {
    deps.io.out(`Log audit utuh: ${result.rows} baris diperiksa, OK.`);
    return 0;
  }
  deps.io.out(
    `Log audit RUSAK: baris seq ${result.firstBadSeq} ${problems[result.problem]} (${result.rows} baris sebelumnya utuh).`,
  );
  return 1;
}

const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function backupCommand(deps: Deps, file: string): Promise<number> {
  const summary = await createBackup(systemContext(deps.database, deps.config), file, {
    keyFingerprint: instanceKeyFingerprint(deps.config),
  });
  const tables = Object.keys(summary.counts).length;
  deps.io.out(`Cadangan ditulis ke ${file}: ${summary.rows} baris dari ${tables} tabel, ${size(summary.bytes)}.`);
  deps.io.out('Berkas ini berisi data pribadi dan hash kata sandi: simpan di tempat yang aman.');
  return 0;
}

export async function restoreCommand(deps: Deps, file: string): Promise<number> {
  const ctx = systemContext(deps.database, deps.config);
  const summary = await restoreBackup(ctx, file, { keyFingerprint: instanceKeyFingerprint(deps.config) });
  const { header } = summary;
  deps.io.out(
    `Dipulihkan ${summary.rows} baris ke ${Object.keys(summary.counts).length} tabel dari cadangan ${header.createdAt} (PORA ${header.appVersion}, mode ${header.sourceMode}).`,
  );
  if (summary.keyMatches === false) {
    deps.io.err(
      'Peringatan: cadangan dibuat dengan kunci rahasia instans lain; 2FA pengguna yang sudah mendaftar tidak berfungsi sampai kunci asal dipasang (PORA_SECRET_KEY atau data/secret.key) atau 2FA mereka direset ("pora user reset-2fa").',
    );
  }
  const audit = await verifyAuditLog(ctx);
  if (audit.ok) {
    deps.io.out(`Log audit utuh: ${audit.rows} baris diperiksa, OK.`);
  } else {
    deps.io.err(`Peringatan: log audit dalam cadangan rusak mulai baris seq ${audit.firstBadSeq} (${audit.problem}).`);
  }
  return 0;
}
