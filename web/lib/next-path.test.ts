import { describe, expect, it } from 'vitest';
import { safeNextPath } from './next-path';

describe('where to go after signing in', () => {
  it('keeps a path inside the app', () => {
    expect(safeNextPath('/admin/agencies?q=polres')).toBe('/admin/agencies?q=polres');
  });

  it('refuses other sites and odd values', () => {
    for (const value of ['https://evil.example', '//evil.example', '/\\evil.example', 'admin', '', null, undefined]) {
      expect(safeNextPath(value)).toBe('/');
    }
  });
});
