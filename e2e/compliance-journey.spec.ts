// Reporting compliance: the office sees per accommodation its reports per month, late rate, check-outs not reported
// and last report, opens Hotel Dempo Asri and sends a reminder; the hotel's operator finds the reminder under the bell
// on a phone, follows it to "Perlu check-out" and reports the guest's check-out — in Debian's Chromium against a real
// server with the demo loaded (the demo's hotel operator, bound to Hotel Dempo Asri). Runs once per fresh database:
// a property takes one office reminder an hour.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page, test } from '@playwright/test';

const property = 'Hotel Dempo Asri';
const DAY = 86_400_000;

/** The demo operator's e-mail and password from demo-accounts.txt in the server's data directory. */
function demoOperator(): { email: string; password: string } {
  const text = readFileSync(path.join(process.env.E2E_DATA_DIR ?? '', 'demo-accounts.txt'), 'utf8');
  const line = text.split('\n').find((l) => l.startsWith('accommodation_operator'));
  const [, email, password] = (line ?? '').split(/\s+/);
  return { email: email ?? '', password: password ?? '' };
}

/** The calendar day in WIB (Muara Enim's zone) of an instant. */
const wibDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // Wait for the sign-in to land before navigating: a page.goto right after the click aborts its request. The bell
  // is in the header on every page, on a desk and on a phone.
  await expect(page.getByRole('button', { name: /^Notifikasi/ })).toBeVisible();
}

/** The cell of `row` under the column headed `header`. */
async function cellUnder(table: Locator, row: Locator, header: string): Promise<Locator> {
  const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(header);
  expect(index, `column "${header}" in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}

test('office: compliance per property → Kirim pengingat; the operator sees it under the bell and reports the check-out', async ({
  browser,
  playwright,
  baseURL,
}) => {
  const operator = demoOperator();
  expect(operator.email).toContain('@');
  const suffix = Date.now().toString(36).slice(-4).toUpperCase().replace(/\d/g, 'W');
  const surname = `HARGREAVES${suffix}`;

  // The hotel's system reported a guest three days late who was to leave yesterday, and no check-out came: a late
  // report and a check-out not reported, whatever the demo's random months hold.
  const hotelSystem = await playwright.request.newContext({ baseURL });
  const login = await hotelSystem.post('/api/v1/auth/login', { data: operator });
  expect(login.status()).toBe(200);
  const checkIn = await hotelSystem.post('/api/v1/stays/check-ins', {
    data: {
      arrivedAt: new Date(Date.now() - 3 * DAY).toISOString(),
      expectedCheckOut: wibDay(Date.now() - DAY),
      room: '207',
      visitPurpose: 'tourism',
      guests: [
        {
          surname,
          givenNames: 'OLIVER',
          sex: 'M',
          birthDate: '1979-05-23',
          nationality: 'GBR',
          documentType: 'P',
          documentNumber: `GB${Date.now().toString().slice(-7)}`,
          documentIssuingState: 'GBR',
        },
      ],
    },
  });
  expect(checkIn.status()).toBe(201);
  await hotelSystem.dispose();

  // The office (the analyst: no second factor) sees the property among those of its area.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID' });
  const office = await desk.newPage();
  await signIn(office, process.env.E2E_ANALYST_EMAIL ?? '', process.env.E2E_ANALYST_PASSWORD ?? '');
  await office
    .getByRole('navigation', { name: 'Navigasi utama' })
    .getByRole('link', { name: 'Kepatuhan pelaporan' })
    .click();
  await expect(office.getByRole('heading', { name: 'Kepatuhan pelaporan', level: 1 })).toBeVisible();
  await office.getByRole('searchbox', { name: 'Cari nama penginapan' }).fill('dempo asri');
  const table = office.getByRole('table');
  const row = table.getByRole('row', { name: new RegExp(property) });
  await expect(row).toHaveCount(1);
  await expect(table.getByRole('row')).toHaveCount(2);
  // Six months of report counts, a late rate above nought, check-outs not reported, and when it last reported.
  await expect((await cellUnder(table, row, 'Laporan 6 bulan terakhir')).getByText(/^\d+$/)).toHaveCount(6);
  await expect(await cellUnder(table, row, 'Terlambat')).toHaveText(/^[1-9]\d*\s?%$/);
  await expect(await cellUnder(table, row, 'Check-out belum dilaporkan')).toHaveText(/^[1-9]\d*( \(\d+\))?$/);
  await expect(await cellUnder(table, row, 'Laporan terakhir')).toHaveText(/\d{4}/);

  // The property's page: the figures, the guests past their expected check-out (no names), and the reminder.
  await row.getByRole('link', { name: property }).click();
  await expect(office.getByRole('heading', { name: property, level: 1 })).toBeVisible();
  const figure = (label: string) => office.getByText(label, { exact: true }).locator('xpath=..');
  await expect(figure('Check-out belum dilaporkan')).toHaveText(/[1-9]\d*$/);
  await expect(figure('Terlambat')).toContainText('%');
  const overdue = office.getByRole('table');
  await expect(overdue.getByRole('row').filter({ hasText: 'GBR' }).filter({ hasText: 'Lewat batas' })).not.toHaveCount(
    0,
  );
  await expect(overdue).not.toContainText(surname);
  await office.getByRole('button', { name: 'Kirim pengingat' }).click();
  const confirm = office.getByRole('dialog', { name: 'Kirim pengingat ke pengelola?' });
  await expect(confirm).toContainText(`Pengelola ${property} menerima pengingat di aplikasi`);
  await confirm.getByRole('button', { name: 'Kirim pengingat' }).click();
  await expect(office.getByText('Pengingat terkirim ke 1 pengelola.')).toBeVisible();
  await expect(confirm).toBeHidden();
  await expect(office.getByTestId('reminders')).toContainText('Oleh Analis Journey · 1 penerima');
  await expect(overdue.getByRole('row').filter({ hasText: 'Lewat batas' })).toHaveCount(0);
  // Once an hour per property.
  await expect(office.getByRole('button', { name: 'Kirim pengingat' })).toBeDisabled();
  await expect(office.getByText('Pengingat berikutnya dapat dikirim setelah')).toBeVisible();
  await office.screenshot({ path: 'test-results/compliance-property.png', fullPage: true });

  // The operator, on a phone: the reminder is under the bell and leads to the guests to check out.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
  const owner = await phone.newPage();
  await signIn(owner, operator.email, operator.password);
  await owner.getByRole('button', { name: /^Notifikasi, \d+ belum dibaca$/ }).click();
  const reminder = owner.getByRole('button', { name: /Pengingat dari Kantor Imigrasi/ }).first();
  await expect(reminder).toContainText(`${property}: Kantor Imigrasi mengingatkan bahwa`);
  await reminder.click();
  await expect(owner.getByRole('heading', { name: 'Perlu check-out', level: 1 })).toBeVisible();
  const guest = owner.getByTestId('check-out-due').filter({ hasText: surname });
  await expect(guest).toContainText(`${property} · GBR · Kamar 207`);
  await expect(guest).toContainText('lewat 1 hari');
  await guest.getByRole('button', { name: 'Laporkan check-out' }).click();
  await expect(guest.getByLabel('Waktu check-out')).toBeVisible();
  await guest.getByRole('button', { name: 'Laporkan check-out' }).click();
  await expect(owner.getByText('Laporan terkirim.')).toBeVisible();
  await expect(owner.getByTestId('check-out-due').filter({ hasText: surname })).toHaveCount(0);

  // The reminder is read now; the notifications page lists it.
  await owner.goto('/notifications');
  const listed = owner.getByTestId('notification-row').filter({ hasText: 'Pengingat dari Kantor Imigrasi' }).first();
  await expect(listed).toContainText(`${property}: Kantor Imigrasi mengingatkan`);
  await expect(listed).not.toContainText('Belum dibaca');
  await owner.screenshot({ path: 'test-results/compliance-operator-notifications.png', fullPage: true });
});
