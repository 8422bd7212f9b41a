// Multi-row inserts built as plain text with `$n` placeholders, for the statements every check-in and batch chunk
// runs (new persons, stays with reports). drizzle's `sql` fragments are fine for ordinary statements, but for an
// insert of a hundred columns joining them cost more CPU and memory than the server spends storing a few rows: an
// allocation profile of paced check-ins put 44 % of all allocation in one such statement's fragments (ARCHITECTURE
// D22). Run the result with `selectPrepared` or `selectRows`.
import type { Query } from 'drizzle-orm';

/** A statement's parameters, numbered as they are added. */
export class Statement {
  readonly params: unknown[] = [];

  /** Adds a parameter and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  query(text: string): Query {
    return { sql: text, params: this.params };
  }
}

export type Column = [name: string, type: string, values: readonly unknown[]];
/** A column computed in the statement from the other columns' values (`pick` gives a column's expression). */
export type Computed = [name: string, expression: (pick: (name: string) => string) => string];

/**
 * INSERT … SELECT of many rows, one array parameter per column (unnest): a few parameters for any number of rows, and
 * no per-row statement building. The driver writes each array as one PostgreSQL array literal (node-postgres's own
 * serialiser cost a batch ~10 % less CPU than building the literal here). A column with the same value in every row
 * (the source, the property, the times of a batch) goes as one scalar instead — less to send, less for the server to
 * parse; the first column (the id) always goes as an array, so the select yields one row per id.
 */
export function insertColumns(
  statement: Statement,
  table: string,
  columns: readonly Column[],
  computed: readonly Computed[] = [],
): string {
  const expressions = new Map<string, string>();
  const arrays: string[] = [];
  const aliases: string[] = [];
  columns.forEach(([name, type, values], i) => {
    const first = values[0] ?? null;
    if (i > 0 && values.every((v) => (v ?? null) === first)) {
      expressions.set(name, `${statement.param(first)}::${type}`);
    } else {
      arrays.push(`${statement.param(values)}::${type}[]`);
      aliases.push(`"${name}"`);
      expressions.set(name, `u."${name}"`);
    }
  });
  const pick = (name: string): string => {
    const expression = expressions.get(name);
    if (expression === undefined) {
      throw new Error(`no column ${name}`);
    }
    return expression;
  };
  const names = [...columns, ...computed].map(([name]) => `"${name}"`).join(', ');
  const picks = [...columns.map(([name]) => pick(name)), ...computed.map(([, expression]) => expression(pick))];
  return `insert into "${table}" (${names}) select ${picks.join(', ')}
    from unnest(${arrays.join(', ')}) as u(${aliases.join(', ')})`;
}
