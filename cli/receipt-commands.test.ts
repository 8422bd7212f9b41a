import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccommodation } from '../server/modules/accommodations/accommodations.test-support';
import { getOwnReceipt, listPublicKeys } from '../server/modules/receipts/receipts.service';
import { buildReceipts } from '../server/modules/receipts/receipts.test-support';
import { permissionsOf } from '../server/platform/access';
import { buildUser, createTestEnv, type TestEnv } from '../server/test/harness';
import { receiptVerifyCommand, verifyReceiptFileOffline } from './receipt-commands';

let env: TestEnv;
const dir = mkdtempSync(path.join(tmpdir(), 'pora-receipt-'));

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(async () => {
  await env.close();
});

function capture() {
  const out: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => out.push(t), readStdin: async () => '' }, out };
}

describe('pora receipt verify', () => {
  it('checks a receipt file offline with the published keys, and a number against the database', async () => {
    const user = await buildUser(env, { roles: ['accommodation_operator'] });
    const property = await buildAccommodation(env, { operatorUserId: user.id });
    const [receipt] = await buildReceipts(env, property.id, 1);
    const operator = env.ctx({
      kind: 'user',
      userId: user.id,
      name: 'Operator',
      email: user.email,
      agencyId: user.agencyId,
      roles: user.roles,
      permissions: permissionsOf(user.roles),
      scope: [],
      officeId: null,
      sessionId: 'cli-test',
    });
    const detail = await getOwnReceipt(operator, receipt?.number as string);
    const file = path.join(dir, 'receipt.json');
    const keys = path.join(dir, 'keys.json');
    writeFileSync(file, JSON.stringify(detail));
    writeFileSync(keys, JSON.stringify(await listPublicKeys(operator)));

    const ok = capture();
    expect(verifyReceiptFileOffline(ok.io, file, keys)).toBe(0);
    expect(ok.out.join('\n')).toContain(`SAH: tanda terima ${detail.number}`);

    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(
      tampered,
      JSON.stringify({ ...detail, payload: detail.payload.replace('"guestCount":1', '"guestCount":4') }),
    );
    const bad = capture();
    expect(verifyReceiptFileOffline(bad.io, tampered, keys)).toBe(1);
    expect(bad.out.join('\n')).toContain('TIDAK SAH');

    const deps = { database: env.database, config: operator.config, io: capture().io };
    expect(await receiptVerifyCommand(deps, detail.number)).toBe(0);
    expect(await receiptVerifyCommand(deps, file)).toBe(0);
    expect(await receiptVerifyCommand(deps, tampered)).toBe(1);
    await expect(receiptVerifyCommand(deps, 'STT-2026-0000-0000-0000')).rejects.toThrow(/tidak ditemukan/);
  });
});
