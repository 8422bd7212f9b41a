// Which tables a backup holds and in which order: every table of the Drizzle schema (so new modules are included
// without touching this file), parents before children along foreign keys. A foreign key that points back at its own
// table, or closes a cycle, is "deferred": its columns are restored as null and filled in once every row is there.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { schema } from '../../db/client';

/** Reference data every installation loads itself at start (`prepareDatabase`); not copied into backups. */
export const RELOADED_TABLES: readonly string[] = ['regions'];

export type PlannedTable = {
  /** qualified name for SQL: "public"."offices" */
  sqlName: string;
  name: string;
  /** columns whose foreign key is filled in after all rows are restored. */
  deferredColumns: string[];
};

export type ForeignKeyEdge = { target: string; columns: string[]; nullable: boolean };
export type TableNode = { name: string; sqlName: string; fks: ForeignKeyEdge[] };

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

function nodesFromSchema(): TableNode[] {
  const nodes: TableNode[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) {
      continue;
    }
    const config = getTableConfig(value);
    const schemaName = config.schema ?? 'public';
    const fks = config.foreignKeys.map((fk) => {
      const ref = fk.reference();
      const target = getTableConfig(ref.foreignTable);
      return {
        target: `${target.schema ?? 'public'}.${target.name}`,
        columns: ref.columns.map((c) => c.name),
        nullable: ref.columns.every((c) => !c.notNull),
      };
    });
    nodes.push({ name: `${schemaName}.${config.name}`, sqlName: `${quote(schemaName)}.${quote(config.name)}`, fks });
  }
  return nodes;
}

/** Tables of the Drizzle schema in an order in which every row's parents are restored before it. */
export function planTables(): PlannedTable[] {
  return orderTables(nodesFromSchema().filter((n) => !RELOADED_TABLES.includes(n.name.replace(/^public\./, ''))));
}

/** Parents before children; a self-reference, or a nullable foreign key that closes a cycle, is deferred. */
export function orderTables(nodes: TableNode[]): PlannedTable[] {
  const names = new Set(nodes.map((n) => n.name));
  const deferred = new Map<string, Set<string>>(nodes.map((n) => [n.name, new Set<string>()]));
  const defer = (node: TableNode, fk: ForeignKeyEdge) => {
    if (!fk.nullable) {
      throw new Error(`backup: ${node.name} references ${fk.target} in a cycle through non-nullable columns`);
    }
    for (const c of fk.columns) {
      deferred.get(node.name)?.add(c);
    }
  };
  // Edges to tables outside the plan (reloaded reference data) are satisfied before the restore starts.
  const pending = new Map<string, ForeignKeyEdge[]>();
  for (const n of nodes) {
    const edges = n.fks.filter((fk) => names.has(fk.target));
    for (const fk of edges.filter((e) => e.target === n.name)) {
      defer(n, fk);
    }
    pending.set(
      n.name,
      edges.filter((fk) => fk.target !== n.name),
    );
  }

  const ordered: TableNode[] = [];
  const left = [...nodes];
  while (left.length > 0) {
    const done = new Set(ordered.map((n) => n.name));
    const ready = left.filter((n) => (pending.get(n.name) ?? []).every((fk) => done.has(fk.target)));
    if (ready.length === 0) {
      // A cycle between tables: break it at a nullable foreign key.
      const breaker = left
        .flatMap((n) => (pending.get(n.name) ?? []).map((fk) => ({ n, fk })))
        .find(({ fk }) => fk.nullable && !done.has(fk.target));
      if (!breaker) {
        throw new Error(`backup: foreign-key cycle without a nullable column among ${left.map((n) => n.name)}`);
      }
      defer(breaker.n, breaker.fk);
      pending.set(
        breaker.n.name,
        (pending.get(breaker.n.name) ?? []).filter((fk) => fk !== breaker.fk),
      );
      continue;
    }
    // Keep the schema's own order among tables that are ready at the same time: stable, readable files.
    for (const n of ready) {
      ordered.push(n);
      left.splice(left.indexOf(n), 1);
    }
  }
  return ordered.map((n) => ({
    name: n.name.replace(/^public\./, ''),
    sqlName: n.sqlName,
    deferredColumns: [...(deferred.get(n.name) ?? [])],
  }));
}

export { quote as quoteIdentifier };
