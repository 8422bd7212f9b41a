import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUser, createTestEnv, signIn, type TestEnv } from '../../test/harness';
import { buildAccommodation } from '../accommodations/accommodations.test-support';
import { type Client, clientOf } from '../orgs/orgs.test-support';
import { passportMrz } from '../persons/persons.test-support';
import { pdfText } from '../receipts/receipts.test-support';

let env: TestEnv;
let operator: Client;
let anonymous: Client;

beforeAll(async () => {
  env = await createTestEnv();
  const user = await buildUser(env, { roles: ['accommodation_operator'] });
  operator = clientOf(env, (await signIn(env, user)).cookie);
  anonymous = clientOf(env);
  await buildAccommodation(env, { operatorUserId: user.id, name: 'Homestay Besemah Asri' });
});
afterAll(async () => {
  await env.close();
});

describe("a stay report's receipt", () => {
  it('is publicly verifiable without personal data, dated at the arrival, and its PDF lists the guest', async () => {
    const arrivedAt = new Date(Date.now() - 5 * 3_600_000);
    arrivedAt.setUTCMilliseconds(0);
    const mrz = passportMrz({ documentNumber: 'RC7731450', surname: 'HALVORSEN', givenNames: 'INGRID' });
    const res = await operator.post('/api/v1/stays/check-ins', {
      arrivedAt: arrivedAt.toISOString(),
      expectedCheckOut: new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10),
      visitPurpose: 'tourism',
      guests: [{ mrz }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const { receiptNumber, stayId } = res.json().guests[0];
    expect(receiptNumber).toMatch(/^STT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const check = await anonymous.get(`/api/v1/public/receipts/${receiptNumber}`);
    expect(check.statusCode, check.body).toBe(200);
    expect(check.json()).toMatchObject({
      number: receiptNumber,
      valid: true,
      propertyName: 'Homestay Besemah Asri',
      reportKind: 'check_in',
      reportedAt: arrivedAt.toISOString(),
    });
    for (const personal of ['HALVORSEN', 'INGRID', 'RC7731450']) {
      expect(check.body).not.toContain(personal);
    }

    const pdf = await operator.get(`/api/v1/receipts/${receiptNumber}.pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain('HALVORSEN, INGRID');
    expect(text).toContain('RC7731450');

    // The check-out has a receipt of its own, dated at the departure.
    const leftAt = new Date(Date.now() - 3_600_000);
    leftAt.setUTCMilliseconds(0);
    const out = await operator.post(`/api/v1/stays/${stayId}/check-out`, { checkedOutAt: leftAt.toISOString() });
    expect(out.statusCode, out.body).toBe(200);
    const outNumber = out.json().report.receiptNumber;
    expect(outNumber).not.toBe(receiptNumber);
    expect((await anonymous.get(`/api/v1/public/receipts/${outNumber}`)).json()).toMatchObject({
      valid: true,
      reportKind: 'check_out',
      reportedAt: leftAt.toISOString(),
    });
  });
});
