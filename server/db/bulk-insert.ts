// Multi-row INSERT … SELECT FROM unnest(…): one array parameter per column, so a statement of thousands of rows has a
// handful of parameters and no per-row SQL (an ORM insert of 1,000 rows spends more time building its SQL than the
// server spends storing them). Used by the register import, the stays and the receipts.
import { type SQL, sql } from 'drizzle-orm';

/** [column name, PostgreSQL type, the value of each row] */
export type Column = [name: string, type: string, values: readonly unknown[]];
/** A column computed in the statement from the other columns' values (`pick` gives a column's expression). */
export type Computed = [name: string, expression: (pick: (name: string) => SQL) => SQL];

const needsEscape = /["\\]/;

/** A PostgreSQL array literal ({"a",NULL,"b"}) sent as one text parameter: the query builder and the driver then
 * handle one value per column instead of one per row. */
export function arrayLiteral(values: readonly unknown[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) {
      out += ',';
    }
    if (v === null || v === undefined) {
      out += 'NULL';
    } else {
      const text = String(v);
      out += needsEscape.test(text) ? `"${text.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"` : `"${text}"`;
    }
  }
  return `${out}}`;
}

/**
 * INSERT … SELECT of many rows into `table`. A column whose value differs between rows goes as one array parameter
 * (unnest); a column with the same value in every row (the source, the property, the times of a batch) as one scalar:
 * neither side then builds or parses an array of one copy per row. The first column (the id) always goes as an array,
 * so the select yields one row per id.
 */
export function insertColumns(table: string, columns: readonly Column[], computed: readonly Computed[] = []): SQL {
  const names = sql.raw([...columns, ...computed].map(([name]) => `"${name}"`).join(', '));
  const varying = new Set(
    columns.filter(([, , values], i) => i === 0 || values.some((v) => (v ?? null) !== (values[0] ?? null))),
  );
  const pick = (name: string): SQL => {
    const column = columns.find(([n]) => n === name);
    if (!column) {
      throw new Error(`no column ${name}`);
    }
    const [, type, values] = column;
    return varying.has(column) ? sql.raw(`u."${name}"`) : sql`${values[0] ?? null}::${sql.raw(type)}`;
  };
  const picks = sql.join(
    [...columns.map(([name]) => pick(name)), ...computed.map(([, expression]) => expression(pick))],
    sql`, `,
  );
  const arrays = sql.join(
    [...varying].map(([, type, values]) => sql`${arrayLiteral(values)}::${sql.raw(type)}[]`),
    sql`, `,
  );
  const aliases = sql.raw([...varying].map(([name]) => `"${name}"`).join(', '));
  return sql`insert into ${sql.raw(`"${table}"`)} (${names}) select ${picks} from unnest(${arrays}) as u(${aliases})`;
}
