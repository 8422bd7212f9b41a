// The `pora` command line: command names in English, help and messages in Bahasa Indonesia. Each action loads the
// configuration and its modules only when it runs, so `pora --help` is quick and works without a valid environment.
import { Command, Help } from 'commander';
import type { CommandDeps, Io } from './commands';

const titles: Record<string, string> = {
  'Usage:': 'Penggunaan:',
  'Options:': 'Opsi:',
  'Commands:': 'Perintah:',
  'Arguments:': 'Argumen:',
  'Global Options:': 'Opsi global:',
};

const collect = (value: string, previous: string[] | undefined) => [
  ...(previous ?? []),
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

const defaultHelp = new Help();
const indonesianTerms = (text: string) => text.replace('[options]', '[opsi]').replace('[command]', '[perintah]');

/** `setExitCode` receives the command's exit code; errors are thrown to the caller (cli/pora.ts prints them). */
export function buildProgram(io: Io, setExitCode: (code: number) => void): Command {
  const program = new Command('pora')
    .description('PORA — sistem informasi Tim Pengawasan Orang Asing (TIM PORA)')
    .helpOption('-h, --help', 'tampilkan bantuan')
    .helpCommand('help [perintah]', 'tampilkan bantuan untuk perintah')
    .configureHelp({
      styleTitle: (title) => titles[title] ?? title,
      commandUsage: (cmd) => indonesianTerms(defaultHelp.commandUsage(cmd)),
      subcommandTerm: (cmd) => indonesianTerms(defaultHelp.subcommandTerm(cmd)),
    })
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error:/, 'galat:')) })
    .showHelpAfterError('(lihat "pora --help")');

  async function loadConfigForCli() {
    const { loadConfig } = await import('../server/config');
    return loadConfig();
  }

  /** Runs `fn` on the configured database (see cli/database.ts). */
  async function onDatabase(command: string, prepare: boolean, fn: (deps: CommandDeps) => Promise<number>) {
    const config = await loadConfigForCli();
    const { withDatabase } = await import('./database');
    setExitCode(await withDatabase(config, command, { prepare }, (database) => fn({ database, config, io })));
  }

  program
    .command('serve')
    .description('jalankan server PORA: aplikasi web, API, dan pekerjaan latar (PORT, default 3000)')
    .action(async () => {
      const config = await loadConfigForCli();
      if (!config.databaseUrl) {
        const { mkdirSync } = await import('node:fs');
        const { lockDataDir } = await import('./data-dir-lock');
        mkdirSync(config.dataDir, { recursive: true });
        // Released at exit; the server runs until SIGINT/SIGTERM.
        lockDataDir(config.dataDir, 'serve');
      }
      const { serve } = await import('../server/main');
      await serve();
    });

  program
    .command('migrate')
    .description('terapkan migrasi basis data dan muat data wilayah Kemendagri (juga dijalankan saat server mulai)')
    .action(async () => {
      await onDatabase('migrate', true, async ({ database, io: out }) => {
        const { listAppliedMigrations } = await import('../server/modules/backup/backup.service');
        const applied = await listAppliedMigrations(database.db);
        out.out(`Basis data siap (mode ${database.mode}): ${applied.length} migrasi diterapkan, data wilayah dimuat.`);
        return 0;
      });
    });

  const seed = program.command('seed').description('muat data contoh');
  seed
    .command('demo')
    .description(
      'muat skenario demo (Kanim Muara Enim, TIM PORA dengan 31 instansi, satu akun per peran); aman diulang: bagian yang sudah dimuat dilewati',
    )
    .option(
      '--force',
      'muat juga bila basis data sudah berisi akun pengguna lain (akun demo memakai kata sandi yang dicetak)',
    )
    .action(async (opts: { force?: boolean }) => {
      await onDatabase('seed demo', true, async (deps) => {
        const { seedDemoCommand } = await import('./commands');
        return seedDemoCommand(deps, { force: opts.force === true });
      });
    });

  program
    .command('agency')
    .description('instansi')
    .command('create')
    .description('buat instansi, mis. untuk akun admin pertama di basis data baru (selebihnya lewat aplikasi web)')
    .requiredOption('--name <nama>', 'nama instansi, mis. "Kantor Imigrasi Kelas II Non TPI Muara Enim"')
    .requiredOption(
      '--kind <jenis>',
      'jenis: imigrasi, polri, tni, kejaksaan, bin, pemda, kesbangpol, disnaker, dukcapil, …',
    )
    .requiredOption('--region <kode>', 'wilayah yurisdiksi (kode Kemendagri, mis. 16.03)')
    .action(async (opts: { name: string; kind: string; region: string }) => {
      await onDatabase('agency create', false, async (deps) => {
        const { agencyCreateCommand } = await import('./commands');
        return agencyCreateCommand(deps, opts);
      });
    });

  const user = program.command('user').description('kelola akun pengguna');
  user
    .command('create')
    .description(
      'buat akun pengguna; tanpa --password-stdin dicetak kata sandi sekali pakai yang wajib diganti saat pertama masuk',
    )
    .requiredOption('--email <email>', 'alamat email (nama masuk)')
    .requiredOption('--name <nama>', 'nama lengkap')
    .option(
      '--role <peran>',
      'peran (boleh diulang): system_admin, office_admin, analyst, agency_member, field_officer, accommodation_operator, auditor',
      collect,
    )
    .requiredOption('--agency <instansi>', 'id instansi atau namanya yang persis')
    .option('--password-stdin', 'baca kata sandi dari standar input (harus memenuhi kebijakan kata sandi)')
    .action(async (opts: { email: string; name: string; role?: string[]; agency: string; passwordStdin?: boolean }) => {
      const roles = opts.role ?? [];
      if (roles.length === 0) {
        const { CliError } = await import('./database');
        throw new CliError('sebutkan setidaknya satu --role');
      }
      await onDatabase('user create', false, async (deps) => {
        const { userCreateCommand } = await import('./commands');
        return userCreateCommand(deps, { ...opts, role: roles, passwordStdin: opts.passwordStdin === true });
      });
    });
  user
    .command('reset-2fa')
    .description('hapus 2FA (TOTP) dan kode pemulihan pengguna; ia mendaftarkannya lagi saat masuk')
    .requiredOption('--email <email>', 'alamat email pengguna')
    .action(async (opts: { email: string }) => {
      await onDatabase('user reset-2fa', false, async (deps) => {
        const { userResetTotpCommand } = await import('./commands');
        return userResetTotpCommand(deps, opts);
      });
    });

  program
    .command('audit')
    .description('log audit')
    .command('verify')
    .description('periksa rantai hash log audit; kode keluar 1 bila ada baris yang diubah atau hilang')
    .action(async () => {
      await onDatabase('audit verify', false, async (deps) => {
        const { auditVerifyCommand } = await import('./commands');
        return auditVerifyCommand(deps);
      });
    });

  program
    .command('receipt')
    .description('tanda terima pelaporan orang asing')
    .command('verify')
    .description(
      'periksa tanda tangan tanda terima: NOMOR (dicari di basis data) atau BERKAS JSON dari GET /api/v1/receipts/{nomor}; kode keluar 1 bila tidak sah',
    )
    .argument('<berkas|nomor>', 'berkas JSON tanda terima, atau nomornya (STT-…)')
    .option('--keys <berkas>', 'kunci publik dari /api/v1/receipts/public-keys: periksa BERKAS tanpa basis data')
    .action(async (ref: string, opts: { keys?: string }) => {
      const receipts = await import('./receipt-commands');
      if (opts.keys) {
        setExitCode(receipts.verifyReceiptFileOffline(io, ref, opts.keys));
        return;
      }
      await onDatabase('receipt verify', false, (deps) => receipts.receiptVerifyCommand(deps, ref));
    });

  program
    .command('backup')
    .description('tulis cadangan lengkap basis data yang konsisten (JSON Lines ber-gzip) ke BERKAS')
    .argument('<berkas>', 'berkas tujuan, mis. pora-2026-01-31.pora.gz')
    .action(async (file: string) => {
      await onDatabase('backup', false, async (deps) => {
        const { backupCommand } = await import('./commands');
        return backupCommand(deps, file);
      });
    });

  program
    .command('restore')
    .description(
      'pulihkan cadangan ke basis data kosong (mode embedded atau server, dari mode mana pun); gagal tanpa mengubah apa pun bila berkas rusak',
    )
    .argument('<berkas>', 'berkas cadangan dari "pora backup"')
    .action(async (file: string) => {
      await onDatabase('restore', true, async (deps) => {
        const { restoreCommand } = await import('./commands');
        return restoreCommand(deps, file);
      });
    });

  program
    .command('openapi')
    .description('tulis openapi.json (deskripsi API) di akar repositori dari kontrak zod')
    .option('--check', 'hanya periksa: kode keluar 1 bila openapi.json yang di-commit berbeda')
    .action(async (opts: { check?: boolean }) => {
      const { openapiCommand } = await import('./openapi');
      setExitCode(await openapiCommand(io, { check: opts.check === true }));
    });

  return program;
}
