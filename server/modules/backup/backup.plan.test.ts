import { describe, expect, it } from 'vitest';
import { orderTables, planTables, type TableNode } from './backup.plan';

const node = (name: string, ...fks: [target: string, nullable: boolean][]): TableNode => ({
  name: `public.${name}`,
  sqlName: `"public"."${name}"`,
  fks: fks.map(([target, nullable]) => ({ target: `public.${target}`, columns: [`${target}_id`], nullable })),
});

describe('backup table order', () => {
  it('puts every table of the schema after the tables it references, and skips the reloaded areas', () => {
    const plan = planTables();
    const names = plan.map((t) => t.name);
    expect(names).not.toContain('regions');
    for (const table of [
      'offices',
      'agencies',
      'teams',
      'team_members',
      'users',
      'sessions',
      'audit_log',
      'settings',
    ]) {
      expect(names).toContain(table);
    }
    const isBefore = (a: string, b: string) => names.indexOf(a) < names.indexOf(b);
    expect(isBefore('offices', 'agencies')).toBe(true);
    expect(isBefore('agencies', 'users')).toBe(true);
    expect(isBefore('users', 'sessions')).toBe(true);
    expect(isBefore('teams', 'team_members')).toBe(true);
  });

  it('defers self-references and breaks cycles at a nullable key', () => {
    const plan = orderTables([
      node('cases', ['cases', true], ['agencies', false]),
      node('agencies'),
      node('a', ['b', false]),
      node('b', ['a', true]),
    ]);
    expect(plan.map((t) => t.name)).toEqual(['agencies', 'cases', 'b', 'a']);
    expect(plan.find((t) => t.name === 'cases')?.deferredColumns).toEqual(['cases_id']);
    expect(plan.find((t) => t.name === 'b')?.deferredColumns).toEqual(['a_id']);
    expect(plan.find((t) => t.name === 'a')?.deferredColumns).toEqual([]);
  });

  it('refuses a cycle that cannot be broken', () => {
    expect(() => orderTables([node('a', ['b', false]), node('b', ['a', false])])).toThrow(/cycle/);
  });
});
