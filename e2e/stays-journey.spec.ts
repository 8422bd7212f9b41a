// A hotel operator reports a foreign guest on a phone (390×844) by pasting the passport's MRZ: the check digits show,
// the report is accepted with a receipt number, the guest is listed as staying and checks out. Then the office sees
// the report. In Debian's Chromium against a real server with the demo loaded (the demo's hotel operator).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** The demo operator's e-mail and password from demo-accounts.txt in the server's data directory. */
function demoOperator(): { email: string; password: string } {
  const text = readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'demo-accounts.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith('accommodation_operator'));
  const [, email, password] = (line ?? '').split(/\s+/);
  return { email: email ?? '', password: password ?? '' };
}

/** A TD3 passport MRZ with valid check digits (ICAO 9303 7-3-1), for a document number made fresh per run. */
function passportMrz(documentNumber: string): string {
  const value = (c: string) => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const check = (s: string) =>
    String([...s].reduce((sum, c, i) => sum + value(c) * ([7, 3, 1][i % 3] as number), 0) % 10);
  const number = documentNumber.padEnd(9, '<');
  const birth = '900721';
  const expiry = '320115';
  const personal = '<'.repeat(14);
  const line1 = 'P<AUSNGUYEN<<MINH<ANH'.padEnd(44, '<');
  const body = `${number}${check(number)}AUS${birth}${check(birth)}F${expiry}${check(expiry)}${personal}${check(personal)}`;
  const composite = `${body.slice(0, 10)}${body.slice(13, 20)}${body.slice(21, 43)}`;
  return `${line1}\n${body}${check(composite)}`;
}

test('operator: paste an MRZ on a phone → receipt number → guest staying → check-out; the office sees it', async ({
  browser,
}) => {
  const operator = demoOperator();
  expect(operator.email).toContain('@');
  const documentNumber = `PA${Date.now().toString().slice(-7)}`;

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
  const page = await phone.newPage();
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(operator.email);
  await page.getByTestId('sign-in-password').fill(operator.password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page).not.toHaveURL(/sign-in/);
  await page.goto('/guests/report');

  // A scanner app's text: the MRZ among other lines.
  await page.getByTestId('guest-mrz').fill(`MRZ Scanner\n${passportMrz(documentNumber)}\nOK`);
  await expect(page.getByTestId('mrz-valid')).toHaveText(/MRZ terbaca/);
  await expect(page.getByTestId('mrz-fields')).toContainText(`NGUYEN MINH ANH`);
  await expect(page.getByTestId('mrz-fields')).toContainText(documentNumber);
  await page.getByLabel('Kamar').fill('12');
  await page.getByTestId('check-in-submit').click();
  await expect(page.getByTestId('check-in-success')).toBeVisible();
  await expect(page.getByTestId('receipt-number')).toHaveText(/^STT-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  await page.getByText('Tamu saat ini').click();
  const guest = page.getByTestId('current-guest').filter({ hasText: documentNumber });
  await expect(guest).toContainText('NGUYEN MINH ANH');
  await guest.getByTestId('check-out').click();
  await expect(page.getByTestId('current-guest').filter({ hasText: documentNumber })).toHaveCount(0);

  await page.getByText('Riwayat').click();
  await expect(page.getByText('Check-out').first()).toBeVisible();

  // The office: the analyst (no second factor needed) sees the report among the guest reports of its area.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  const office = await desk.newPage();
  await office.goto('/sign-in');
  await office.getByTestId('sign-in-email').fill(process.env.E2E_ANALYST_EMAIL ?? '');
  await office.getByTestId('sign-in-password').fill(process.env.E2E_ANALYST_PASSWORD ?? '');
  await office.getByTestId('sign-in-submit').click();
  await expect(office).not.toHaveURL(/sign-in/);
  await office.getByTestId('nav-guests').click();
  await office.getByText('Semua laporan').click();
  await office.getByLabel('Nama atau nomor paspor').fill(documentNumber);
  await expect(office.getByTestId('stay-row')).toHaveCount(1);
  await expect(office.getByTestId('stay-row')).toContainText('NGUYEN MINH ANH');
});
