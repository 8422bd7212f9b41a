// An administrator's first day: sign in, set up 2FA, sign in again with a code, create an agency, find it,
// and switch the language — in Debian's Chromium against a real server with the demo loaded.
import { expect, type Page, test } from '@playwright/test';
import { generate } from 'otplib';

const email = process.env.E2E_ADMIN_EMAIL ?? '';
const password = process.env.E2E_ADMIN_PASSWORD ?? '';

/** A TOTP code from a time step later than `after` (a code is accepted once). */
async function freshCode(secret: string, after: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (step > after) {
      return { code: await generate({ secret }), step };
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** The Admin group in the navigation folds; open it when its links are hidden. */
async function openAdminLink(page: Page, testId: string) {
  const link = page.getByTestId(testId);
  if (!(await link.isVisible())) {
    await page.getByTestId('nav-admin').click();
  }
  await link.click();
}

async function signIn(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

test('administrator: 2FA, agencies, language', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });

  // First sign-in: the role requires two-factor sign-in, so the app leads to the enrolment.
  await signIn(page);
  await expect(page).toHaveURL(/\/setup/);
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  await expect(page.getByTestId('totp-qr')).toBeVisible();
  const enrolled = await freshCode(secret, 0);
  await page.getByTestId('totp-code').fill(enrolled.code);
  await page.getByTestId('totp-confirm').click();
  await expect(page.getByTestId('recovery-codes')).toBeVisible();
  await page.getByTestId('totp-done').click();
  await expect(page.getByTestId('nav-home')).toBeVisible();

  // Sign out, then sign in with password and a one-time code.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await signIn(page);
  await expect(page.getByTestId('sign-in-code')).toBeVisible();
  const second = await freshCode(secret, enrolled.step);
  await page.getByTestId('sign-in-code').fill(second.code);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('nav-home')).toBeVisible();

  // Create an agency with the area picker, in Bahasa Indonesia.
  const name = `Polres Uji Perjalanan ${Date.now().toString(36)}`;
  await openAdminLink(page, 'nav-agencies');
  await expect(page.getByRole('heading', { name: 'Instansi' })).toBeVisible();
  await page.getByTestId('agency-create').click();
  await page.getByTestId('agency-name').fill(name);
  await page.getByTestId('agency-kind').click();
  await page.getByRole('option', { name: /Polri/ }).click();
  await page.getByTestId('agency-region').fill('pagar alam');
  await page.getByRole('option', { name: 'Kota Pagar Alam, Sumatera Selatan', exact: true }).click();
  await page.getByTestId('agency-submit').click();
  await expect(page).toHaveURL(/\/admin\/agencies\/[0-9a-f-]{36}/);

  // Find it in the list.
  await openAdminLink(page, 'nav-agencies');
  await page.getByTestId('agencies-search').fill(name.split(' ').slice(-1)[0] ?? name);
  await expect(page.getByTestId('agency-row').filter({ hasText: name })).toBeVisible();
  await page.screenshot({ path: 'test-results/agencies-id.png', fullPage: true });

  // Switch to English: the navigation follows, and the choice is kept after a reload.
  await page.getByTestId('user-menu').click();
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('nav-agencies')).toHaveText(/Agencies/);
  await page.reload();
  await expect(page.getByTestId('nav-agencies')).toHaveText(/Agencies/);
  await page.screenshot({ path: 'test-results/agencies-en.png', fullPage: true });
});
