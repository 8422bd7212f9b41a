// A homestay registers on a phone, the office verifies it, the operator signs in, makes an API key, uses it and
// revokes it — in Debian's Chromium against a real server with the demo loaded.
import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';

const officeEmail = process.env.E2E_OFFICE_ADMIN_EMAIL ?? '';
const officePassword = process.env.E2E_OFFICE_ADMIN_PASSWORD ?? '';

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  // Wait for the sign-in to land before the caller navigates: a page.goto right after the click aborts its request.
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test('homestay: register on a phone → office verifies → operator makes, uses and revokes an API key', async ({
  browser,
  baseURL,
}) => {
  const suffix = Date.now().toString(36).slice(-5);
  const name = `Homestay Kopi Semendo ${suffix}`;
  const operatorEmail = `pemilik-${suffix}@homestay.example`;
  const operatorPassword = 'Kopi-Semendo-Pagi-2026';

  // On a phone, from the sign-in page.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'id-ID' });
  const owner = await phone.newPage();
  await owner.goto('/sign-in');
  await owner.getByTestId('register-accommodation').click();
  await owner.getByTestId('registration-name').fill(name);
  await owner.getByTestId('registration-nib').fill(`9120 ${Date.now().toString().slice(-9)}`);
  await owner.getByTestId('registration-village').fill('muara siban');
  await owner.getByRole('option', { name: /Muara Siban, Kec\. Dempo Utara/ }).click();
  await owner.getByTestId('registration-address').fill('Jl. Tugu Rimau No. 7');
  await owner.getByTestId('registration-latitude').fill('-4.0050, 103.2122');
  await expect(owner.getByTestId('registration-longitude')).toHaveValue('103.2122');
  await owner.getByTestId('registration-phone').fill('0730 621 777');
  await owner.getByTestId('registration-email').fill('info@kopisemendo.example');
  await owner.getByTestId('registration-pic-name').fill('Rini Anggraini');
  await owner.getByTestId('registration-account-email').fill(operatorEmail);
  await owner.getByTestId('registration-account-password').fill(operatorPassword);
  await owner.getByTestId('registration-submit').click();
  await expect(owner.getByTestId('registration-done')).toBeVisible();

  // The office secretariat (first sign-in: enrols its second factor) verifies the registration.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'id-ID' });
  const office = await desk.newPage();
  await signIn(office, officeEmail, officePassword);
  await expect(office).toHaveURL(/\/setup/);
  const secret = ((await office.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  await office.getByTestId('totp-code').fill(await generate({ secret }));
  await office.getByTestId('totp-confirm').click();
  await office.getByTestId('totp-done').click();
  await office.getByTestId('nav-accommodations').click();
  const row = office.getByTestId('accommodation-row').filter({ hasText: name });
  await expect(row.getByTestId('accommodation-status')).toHaveText(/Menunggu verifikasi/i);
  await row.getByRole('link').first().click();
  await office.getByTestId('accommodation-verify').click();
  await office.getByTestId('confirm-action').click();
  await expect(office.getByTestId('accommodation-status')).toHaveText(/Terverifikasi/i);

  // The owner signs in with the password chosen at registration and makes a key for the PMS.
  await signIn(owner, operatorEmail, operatorPassword);
  await owner.goto('/my-accommodation');
  await expect(owner.getByRole('heading', { name })).toBeVisible();
  await owner.getByTestId('api-key-name').fill('PMS resepsionis');
  await owner.getByTestId('api-key-create').click();
  const key = ((await owner.getByTestId('api-key-secret').textContent()) ?? '').trim();
  expect(key).toMatch(/^pora_ak_/);
  await owner.getByTestId('api-key-done').click();

  const me = () => fetch(`${baseURL}/api/v1/accommodations/me`, { headers: { authorization: `Bearer ${key}` } });
  const answer = await me();
  expect(answer.status).toBe(200);
  expect((await answer.json()).items[0].name).toBe(name);

  await owner.reload();
  await expect(owner.getByTestId('api-key-row')).toContainText(/Terakhir dipakai \d/);
  await owner.getByTestId('api-key-revoke').click();
  await owner.getByTestId('confirm-action').click();
  await expect(owner.getByTestId('api-key-row')).toContainText('Dicabut');
  const revoked = await me();
  expect(revoked.status).toBe(401);
  expect((await revoked.json()).code).toBe('API_KEY_REVOKED');
  await owner.screenshot({ path: 'test-results/accommodation-keys.png', fullPage: true });
});
