// SQL of imports: the stored file with its mapping, outcome and row errors.
import { and, desc, eq, getTableColumns, ne } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { registerImports } from '../../db/schema/imports';

/** An import without its file: the file is read only when rows are (tens of MB should not travel for a status). */
const { content: _content, ...columns } = getTableColumns(registerImports);
export type ImportRow = Omit<typeof registerImports.$inferSelect, 'content'>;

export async function insertImport(db: Queryable, row: typeof registerImports.$inferInsert): Promise<ImportRow> {
  const [inserted] = await db.insert(registerImports).values(row).returning(columns);
  return inserted as ImportRow;
}

export async function findImport(db: Queryable, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.select(columns).from(registerImports).where(eq(registerImports.id, id)).limit(1);
  return row;
}

export async function findContent(db: Queryable, id: string): Promise<Buffer> {
  const [row] = await db
    .select({ content: registerImports.content })
    .from(registerImports)
    .where(eq(registerImports.id, id))
    .limit(1);
  return row?.content ?? Buffer.alloc(0);
}

export async function updateImport(db: Queryable, id: string, patch: Partial<typeof registerImports.$inferInsert>) {
  const [row] = await db.update(registerImports).set(patch).where(eq(registerImports.id, id)).returning(columns);
  return row as ImportRow;
}

/** An earlier committed import of the same bytes by the same agency. */
export async function findCommittedTwin(db: Queryable, agencyId: string, fileHash: string, exceptId: string) {
  const [row] = await db
    .select({ id: registerImports.id, committedAt: registerImports.committedAt, counts: registerImports.counts })
    .from(registerImports)
    .where(
      and(
        eq(registerImports.agencyId, agencyId),
        eq(registerImports.fileHash, fileHash),
        eq(registerImports.status, 'committed'),
        ne(registerImports.id, exceptId),
      ),
    )
    .orderBy(registerImports.committedAt)
    .limit(1);
  return row;
}

export async function listImports(db: Queryable, agencyId: string, limit: number) {
  return db
    .select({
      id: registerImports.id,
      fileName: registerImports.fileName,
      format: registerImports.format,
      status: registerImports.status,
      dataRows: registerImports.dataRows,
      counts: registerImports.counts,
      createdAt: registerImports.createdAt,
      committedAt: registerImports.committedAt,
    })
    .from(registerImports)
    .where(eq(registerImports.agencyId, agencyId))
    .orderBy(desc(registerImports.createdAt))
    .limit(limit);
}
