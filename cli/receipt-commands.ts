// `pora receipt verify`: checks a receipt's signature — a receipt file (the JSON of GET /api/v1/receipts/{number})
// against published keys (a --keys file: fully offline) or the database's, or a stored receipt by its number.
import { existsSync, readFileSync } from 'node:fs';
import { receiptDetail, receiptPublicKeys } from '../contracts/receipts';
import { listSigningKeys } from '../server/modules/receipts/receipts.repo';
import {
  type OfflineCheck,
  verifySignedPayload,
  verifyStoredReceipt,
} from '../server/modules/receipts/receipts.service';
import type { CommandDeps, Io } from './commands';
import { CliError } from './database';

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(`tidak dapat membaca ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A receipt file (JSON with payload and signature), if `ref` names one. */
export function readReceiptFile(ref: string) {
  if (!existsSync(ref)) {
    return undefined;
  }
  const parsed = receiptDetail.pick({ payload: true, signature: true }).safeParse(readJson(ref));
  if (!parsed.success) {
    throw new CliError(`${ref} bukan berkas tanda terima (JSON dengan "payload" dan "signature")`);
  }
  return parsed.data;
}

/** Public keys (x by key id) from a saved GET /api/v1/receipts/public-keys answer. */
export function readKeysFile(file: string): Map<string, string> {
  const parsed = receiptPublicKeys.safeParse(readJson(file));
  if (!parsed.success) {
    throw new CliError(`${file} bukan daftar kunci publik dari /api/v1/receipts/public-keys`);
  }
  return new Map(parsed.data.keys.map((k) => [k.kid, k.x]));
}

export function reportCheck(io: Io, check: OfflineCheck): number {
  if (check.valid) {
    io.out(`SAH: tanda terima ${check.number} ditandatangani dengan kunci ${check.keyId}.`);
    return 0;
  }
  const reasons: Record<string, string> = {
    'payload is not JSON': 'isi yang ditandatangani bukan JSON',
    'unknown key id': `kunci ${check.keyId ?? '?'} tidak dikenal`,
    'signature does not match': 'tanda tangan tidak cocok dengan isinya',
    'not signed yet': 'belum ditandatangani (batch besar; coba lagi sebentar lagi)',
    'row and signature do not match': 'data tanda terima tidak cocok dengan tanda tangannya',
  };
  io.out(`TIDAK SAH: ${check.number ?? 'tanda terima'} — ${reasons[check.reason ?? ''] ?? check.reason}.`);
  return 1;
}

/** Offline: a receipt file checked against a keys file, without any database. */
export function verifyReceiptFileOffline(io: Io, file: string, keysFile: string): number {
  const receipt = readReceiptFile(file);
  if (!receipt) {
    throw new CliError(`berkas ${file} tidak ada`);
  }
  return reportCheck(io, verifySignedPayload(receipt, readKeysFile(keysFile)));
}

/** A receipt file against the keys in the database, or a receipt number looked up there. */
export async function receiptVerifyCommand({ database, io }: CommandDeps, ref: string): Promise<number> {
  const receipt = readReceiptFile(ref);
  if (receipt) {
    const keys = new Map((await listSigningKeys(database.db)).map((k) => [k.keyId, k.publicKey]));
    return reportCheck(io, verifySignedPayload(receipt, keys));
  }
  const check = await verifyStoredReceipt(database, ref);
  if (!check) {
    throw new CliError(`tanda terima ${ref} tidak ditemukan (nomor salah ketik, atau bukan berkas)`);
  }
  return reportCheck(io, check);
}
