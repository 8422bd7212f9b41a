// Spreadsheet import of the register: upload (the file kept in the database, its header row and mapping detected),
// dry run, commit — at once for small files, as a background job for large ones — and the rejected rows as a file.
// Export of the filtered register as CSV or XLSX. One audit row per step of an import, never one per row.
import { createHash } from 'node:crypto';
import type { PersonListItem } from '../../../contracts/persons';
import type {
  ImportCounts,
  ImportField,
  ImportMappingBody,
  PersonExportQuery,
  RegisterImport,
} from '../../../contracts/register-import';
import type { Database } from '../../db/client';
import { requirePermission, type UserActor } from '../../platform/access';
import { appendAudit } from '../../platform/audit';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { enqueueJob } from '../../platform/jobs';
import { listPersonsForExport } from '../persons/persons.service';
import { detectMapping, missingRequiredFields } from './import-columns';
import { actorOf, importActorOf, runEngine, withImportLock } from './import-engine';
import { type DataRow, detectFormat, MAX_FILE_BYTES, readTable, type Table } from './import-file';
import { type OutCell, writeCsv, writeXlsx } from './import-writers';
import { commitImportJob } from './register-import.jobs';
import * as repo from './register-import.repo';

/** Files with at most this many rows are committed within the request; larger ones by the job runner. */
export const SYNC_COMMIT_ROWS = 2000;
/** Errors listed in the API answer; the rejected-rows file has them all. */
const LISTED_ERRORS = 500;
/** Persons in one export; a larger register is exported by area or status. */
export const MAX_EXPORT_ROWS = 100_000;

function requireUser(ctx: Ctx, permission: 'persons.write' | 'persons.read'): UserActor {
  requirePermission(ctx.actor, permission);
  if (ctx.actor.kind !== 'user') {
    throw new AppError('PERMISSION_DENIED', 'imports are made by a user');
  }
  return ctx.actor;
}

/** An import of the caller's own agency; else not found. */
async function findOwnImport(ctx: Ctx, actor: UserActor, id: string): Promise<repo.ImportRow> {
  const row = await repo.findImport(ctx.database.db, id);
  if (!row || row.agencyId !== actor.agencyId) {
    throw new AppError('IMPORT_NOT_FOUND');
  }
  return row;
}

async function present(db: Database['db'], row: repo.ImportRow): Promise<RegisterImport> {
  const twin = await repo.findCommittedTwin(db, row.agencyId, row.fileHash, row.id);
  return {
    id: row.id,
    fileName: row.fileName,
    format: row.format as RegisterImport['format'],
    sizeBytes: row.sizeBytes,
    fileHash: row.fileHash,
    status: row.status as RegisterImport['status'],
    headerRow: row.headerRow,
    dataRows: row.dataRows,
    columns: row.headers.map((header, index) => ({
      index,
      header,
      field: row.mapping[index] ?? null,
      detected: row.detectedMapping[index] ?? null,
    })),
    duplicateOf: twin?.committedAt ? { id: twin.id, committedAt: twin.committedAt.toISOString() } : null,
    counts: row.counts ?? null,
    errors: row.errors.slice(0, LISTED_ERRORS),
    errorCount: row.errors.length,
    processedRows: row.processedRows,
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
  };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const unsafeFileNameCharacters = /[\u0000-\u001f\u007f"<>|*?:]/g;

/** A file name safe to store and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(unsafeFileNameCharacters, '').trim().slice(0, 150);
  return clean || 'berkas';
}

export async function uploadImport(ctx: Ctx, file: { fileName: string; bytes: Buffer }): Promise<RegisterImport> {
  const actor = requireUser(ctx, 'persons.write');
  if (file.bytes.length > MAX_FILE_BYTES) {
    throw new AppError('IMPORT_FILE_TOO_LARGE', 'the file is too large', { maxBytes: MAX_FILE_BYTES });
  }
  if (file.bytes.length === 0) {
    throw new AppError('IMPORT_FILE_MISSING', 'the file is empty');
  }
  const format = detectFormat(file.bytes);
  const table = await readTable(file.bytes, { format });
  const mapping = detectMapping(table.headers);
  const fileName = cleanFileName(file.fileName);
  const fileHash = createHash('sha256').update(file.bytes).digest('hex');
  const row = await ctx.database.transaction(async (tx) => {
    const inserted = await repo.insertImport(tx, {
      id: newId(),
      fileName,
      format,
      sizeBytes: file.bytes.length,
      fileHash,
      content: file.bytes,
      status: 'uploaded',
      headerRow: table.headerRow,
      headers: table.headers,
      detectedMapping: mapping,
      mapping,
      dataRows: table.rows.length,
      delimiter: table.delimiter,
      createdByUserId: actor.userId,
      agencyId: actor.agencyId,
      createdAt: ctx.now(),
    });
    await appendAudit(tx, ctx, {
      action: 'register_import.upload',
      objectType: 'register_import',
      objectId: inserted.id,
      details: { fileName, format, sizeBytes: file.bytes.length, fileHash, dataRows: table.rows.length },
    });
    return inserted;
  });
  lastTable = { id: row.id, hash: fileHash, table, at: Date.now() };
  return present(ctx.database.db, row);
}

export async function getImport(ctx: Ctx, id: string): Promise<RegisterImport> {
  const actor = requireUser(ctx, 'persons.write');
  return present(ctx.database.db, await findOwnImport(ctx, actor, id));
}

export async function listImports(ctx: Ctx) {
  const actor = requireUser(ctx, 'persons.write');
  const rows = await repo.listImports(ctx.database.db, actor.agencyId, 50);
  return {
    items: rows.map((r) => ({
      ...r,
      format: r.format as RegisterImport['format'],
      status: r.status as RegisterImport['status'],
      counts: r.counts ?? null,
      createdAt: r.createdAt.toISOString(),
      committedAt: r.committedAt?.toISOString() ?? null,
    })),
  };
}

function mappingFor(row: repo.ImportRow, body: ImportMappingBody): (ImportField | null)[] {
  const mapping = body.mapping ?? row.mapping;
  if (mapping.length !== row.headers.length) {
    throw new AppError('VALIDATION_FAILED', 'one field (or null) per column', {
      errors: [{ path: 'body.mapping', code: 'custom', message: `berkas ini punya ${row.headers.length} kolom` }],
    });
  }
  const missing = missingRequiredFields(mapping);
  if (missing.length > 0) {
    throw new AppError('IMPORT_MAPPING_INCOMPLETE', 'required fields are not mapped', { missing });
  }
  return mapping;
}

const editable = new Set(['uploaded', 'checked', 'failed']);

/** The last file read, so that upload → dry run → commit read a large file once. Only a shortcut: another node, or
 * this one after a restart or ten minutes, reads the stored file again. */
let lastTable: { id: string; hash: string; table: Table; at: number } | null = null;
const TABLE_CACHE_MS = 10 * 60_000;

async function tableOf(db: Database['db'], row: repo.ImportRow): Promise<Table> {
  if (
    lastTable &&
    lastTable.id === row.id &&
    lastTable.hash === row.fileHash &&
    Date.now() - lastTable.at < TABLE_CACHE_MS
  ) {
    return lastTable.table;
  }
  const table = await readTable(await repo.findContent(db, row.id), { format: row.format as Table['format'] });
  lastTable = { id: row.id, hash: row.fileHash, table, at: Date.now() };
  return table;
}

/** Every row checked and stored in transactions that are rolled back: the counts and errors a commit would give. */
export async function dryRunImport(ctx: Ctx, id: string, body: ImportMappingBody): Promise<RegisterImport> {
  const actor = requireUser(ctx, 'persons.write');
  const row = await findOwnImport(ctx, actor, id);
  if (!editable.has(row.status)) {
    throw new AppError('IMPORT_STATE_CONFLICT', 'the import is committed or running', { status: row.status });
  }
  const mapping = mappingFor(row, body);
  const result = await runEngine({
    ctx,
    actor,
    table: await tableOf(ctx.database.db, row),
    mapping,
    fileName: row.fileName,
    commit: false,
  });
  const updated = await repo.updateImport(ctx.database.db, id, {
    mapping,
    status: 'checked',
    counts: result.counts,
    errors: result.errors,
    failure: null,
  });
  return present(ctx.database.db, updated);
}

/**
 * Commits the import. The same file committed before by the same agency changes nothing (its counts are repeated
 * with every stored row as unchanged). Up to SYNC_COMMIT_ROWS rows the answer is the finished import; beyond, the
 * import is queued for the job runner and the answer says so (poll GET /register-imports/:id).
 */
export async function commitImport(ctx: Ctx, id: string, body: ImportMappingBody): Promise<RegisterImport> {
  const actor = requireUser(ctx, 'persons.write');
  const row = await findOwnImport(ctx, actor, id);
  if (!editable.has(row.status)) {
    throw new AppError('IMPORT_STATE_CONFLICT', 'the import is committed or running', { status: row.status });
  }
  const mapping = mappingFor(row, body);
  const twin = await repo.findCommittedTwin(ctx.database.db, row.agencyId, row.fileHash, row.id);
  const background = !twin && row.dataRows > SYNC_COMMIT_ROWS;
  await ctx.database.transaction(async (tx) => {
    await repo.updateImport(tx, id, {
      mapping,
      status: 'queued',
      actor: importActorOf(actor),
      processedRows: 0,
      failure: null,
    });
    await appendAudit(tx, ctx, {
      action: 'register_import.commit',
      objectType: 'register_import',
      objectId: id,
      details: {
        fileName: row.fileName,
        fileHash: row.fileHash,
        dataRows: row.dataRows,
        background,
        ...(twin ? { sameFileAs: twin.id } : {}),
      },
    });
    if (background) {
      await enqueueJob(tx, commitImportJob, { importId: id }, { uniqueKey: `register-import:${id}` });
    }
  });
  if (twin) {
    const earlier = twin.counts;
    const counts: ImportCounts = earlier
      ? { ...earlier, newPersons: 0, updatedPersons: 0, unchangedRows: earlier.okRows }
      : { totalRows: row.dataRows, okRows: 0, rejectedRows: 0, newPersons: 0, updatedPersons: 0, unchangedRows: 0 };
    const earlierRow = await repo.findImport(ctx.database.db, twin.id);
    const done = await repo.updateImport(ctx.database.db, id, {
      status: 'committed',
      counts,
      errors: earlierRow?.errors ?? [],
      processedRows: row.dataRows,
      committedAt: ctx.now(),
      finishedAt: ctx.now(),
    });
    return present(ctx.database.db, done);
  }
  if (!background) {
    await runCommit(ctx, id);
  }
  return present(ctx.database.db, (await repo.findImport(ctx.database.db, id)) as repo.ImportRow);
}

/** The commit itself (request or job): with the importer as they were at commit. A failure is recorded on the
 * import; rows already stored stay (running it again adds only what is missing). */
export async function runCommit(ctx: Ctx, id: string): Promise<void> {
  const db = ctx.database.db;
  const row = await repo.findImport(db, id);
  if (!row?.actor || (row.status !== 'queued' && row.status !== 'running')) {
    return;
  }
  await repo.updateImport(db, id, { status: 'running' });
  const actor = actorOf(row.actor, ctx.requestId);
  try {
    const table = await tableOf(ctx.database.db, row);
    const result = await withImportLock(ctx.database, () =>
      runEngine({
        ctx: { ...ctx, actor },
        actor,
        table,
        mapping: row.mapping,
        fileName: row.fileName,
        commit: true,
        onProgress: async (processedRows) => {
          await repo.updateImport(db, id, { processedRows });
        },
      }),
    );
    lastTable = null;
    const now = ctx.now();
    await repo.updateImport(db, id, {
      status: 'committed',
      counts: result.counts,
      errors: result.errors,
      committedAt: now,
      finishedAt: now,
    });
  } catch (error) {
    ctx.log.error({ err: error, importId: id }, 'import commit failed');
    const code = error instanceof AppError ? error.code : 'INTERNAL';
    await repo.updateImport(db, id, { status: 'failed', failure: code, finishedAt: ctx.now() });
  }
}

// ─── Rejected rows ───────────────────────────────────────────────────────────────────────────────────────────────

const ERROR_HEADER = 'Kesalahan';

function cellOut(cell: DataRow['cells'][number]): OutCell {
  if (cell === null || cell === undefined) {
    return null;
  }
  if (typeof cell === 'string' || typeof cell === 'number' || cell instanceof Date) {
    return cell;
  }
  if (typeof cell === 'boolean') {
    return cell ? 'TRUE' : 'FALSE';
  }
  return null;
}

/** The rejected rows as a file of the same format: the header row, each rejected row as it was, and an error column
 * naming the column and the problem of each error. */
export async function rejectedRowsFile(ctx: Ctx, id: string) {
  const actor = requireUser(ctx, 'persons.write');
  const row = await findOwnImport(ctx, actor, id);
  const table = await tableOf(ctx.database.db, row);
  const messages = new Map<number, string[]>();
  for (const e of row.errors) {
    const text = e.column ? `${e.column}: ${e.message} [${e.code}]` : `${e.message} [${e.code}]`;
    messages.set(e.row, [...(messages.get(e.row) ?? []), text]);
  }
  const width = table.headers.length;
  const rows = table.rows
    .filter((r) => messages.has(r.row))
    .map((r) => {
      const cells = Array.from({ length: width }, (_, i) => cellOut(r.cells[i] ?? null));
      return [...cells, (messages.get(r.row) ?? []).join('; ')];
    });
  const headers = [...table.headers, ERROR_HEADER];
  const stem = row.fileName.replace(/\.[^.]+$/, '');
  await ctx.database.transaction((tx) =>
    appendAudit(tx, ctx, {
      action: 'register_import.rejected_download',
      objectType: 'register_import',
      objectId: id,
      details: { rows: rows.length },
    }),
  );
  if (row.format === 'xlsx') {
    return {
      fileName: `${stem}-ditolak.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await writeXlsx('Ditolak', headers, rows),
    };
  }
  return {
    fileName: `${stem}-ditolak.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: writeCsv(headers, rows, row.delimiter),
  };
}

// ─── Export ──────────────────────────────────────────────────────────────────────────────────────────────────────

const statusLabels: Record<PersonListItem['status']['code'], string> = {
  active: 'Aktif',
  expiring: 'Akan berakhir',
  overstay: 'Overstay',
  document_expired: 'Paspor kedaluwarsa',
  exited: 'Sudah keluar',
  unknown: 'Tidak diketahui',
};

const exportColumns: { header: string; value: (p: PersonListItem) => OutCell }[] = [
  { header: 'Nama Keluarga', value: (p) => p.surname || null },
  { header: 'Nama Depan', value: (p) => p.givenNames || null },
  { header: 'Nama Lengkap', value: (p) => p.fullName },
  { header: 'Jenis Kelamin', value: (p) => (p.sex === 'M' ? 'L' : p.sex === 'F' ? 'P' : p.sex) },
  { header: 'Tgl Lahir', value: (p) => p.birthDate },
  { header: 'Kewarganegaraan', value: (p) => p.nationality },
  { header: 'No. Paspor', value: (p) => p.document?.number ?? null },
  { header: 'Negara Penerbit', value: (p) => p.document?.issuingState ?? null },
  { header: 'Paspor Berlaku s.d.', value: (p) => p.document?.expiryDate ?? null },
  { header: 'Jenis Izin Tinggal', value: (p) => p.permit?.type ?? null },
  { header: 'Berlaku s.d.', value: (p) => p.permit?.validUntil ?? null },
  { header: 'Kode Wilayah', value: (p) => p.region?.code ?? null },
  { header: 'Wilayah Tinggal', value: (p) => p.region?.label ?? null },
  { header: 'Penjamin', value: (p) => p.sponsor?.name ?? null },
  { header: 'Status', value: (p) => statusLabels[p.status.code] },
];

/** The filtered register (the list's filters and scope) as CSV or XLSX; one audit row for the read. */
export async function exportPersons(ctx: Ctx, query: PersonExportQuery) {
  requirePermission(ctx.actor, 'persons.read');
  const { format, ...filters } = query;
  const items = await listPersonsForExport(ctx, filters, MAX_EXPORT_ROWS);
  if (items === null) {
    throw new AppError('EXPORT_TOO_LARGE', 'too many persons for one export', { maxRows: MAX_EXPORT_ROWS });
  }
  const headers = exportColumns.map((c) => c.header);
  const rows = items.map((p) => exportColumns.map((c) => c.value(p)));
  const stamp = ctx.now().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    return {
      fileName: `register-wna-${stamp}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await writeXlsx('Register WNA', headers, rows),
    };
  }
  return {
    fileName: `register-wna-${stamp}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: writeCsv(headers, rows),
  };
}
