// An analyst adds a foreigner from a pasted passport MRZ, finds them again by a misspelled name, and opens the
// person page — in Debian's Chromium against a real server with the demo loaded.
import { expect, test } from '@playwright/test';
import { formatMrz } from '../server/modules/mrz/mrz';

const email = process.env.E2E_ANALYST_EMAIL ?? '';
const password = process.env.E2E_ANALYST_PASSWORD ?? '';

test('analyst: MRZ → register → search → person page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const suffix = Date.now().toString(36).slice(-4).toUpperCase().replace(/\d/g, 'Q');
  const surname = `LIANGXU${suffix}`;
  const mrz = formatMrz('TD3', {
    documentCode: 'P',
    issuingState: 'CHN',
    documentNumber: `E${Date.now().toString().slice(-8)}`,
    surname,
    givenNames: 'MEIHUA',
    nationality: 'CHN',
    birthDate: '1988-03-14',
    sex: 'F',
    expiryDate: '2033-03-13',
  }).join('\n');

  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('nav-register')).toBeVisible();

  // New person from the MRZ: the fields are filled from the document.
  await page.getByTestId('nav-register').click();
  await page.getByTestId('person-create').click();
  await page.getByTestId('mrz-input').fill(mrz);
  await page.getByTestId('mrz-apply').click();
  await expect(page.getByTestId('person-surname')).toHaveValue(surname);
  await expect(page.getByTestId('person-given-names')).toHaveValue('MEIHUA');

  await page.getByTestId('permit-type').click();
  await page.getByRole('option', { name: /^ITAS/ }).click();
  await page.getByTestId('permit-valid-until').fill('31-12-2027');
  await page.getByTestId('address-region').fill('muara siban');
  await page.getByRole('option', { name: /Muara Siban, Kec\. Dempo Utara/ }).click();
  await page.getByTestId('address-text').fill('Jl. Dempo Raya No. 12');
  await page.getByTestId('person-submit').click();

  await expect(page).toHaveURL(/\/register\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId('person-name')).toContainText(surname);
  await expect(page.getByTestId('person-summary').getByTestId('person-status')).toHaveAttribute(
    'data-status',
    'active',
  );

  // Found again by a misspelled, reordered name.
  await page.getByTestId('nav-register').click();
  const misspelled = `meihua ${surname.slice(0, 3)}${surname[4]}${surname[3]}${surname.slice(5)}`.toLowerCase();
  await page.getByTestId('register-search').fill(misspelled);
  const row = page.getByTestId('register-row').filter({ hasText: surname });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toContainText(surname);
  await page.screenshot({ path: 'test-results/person-page.png', fullPage: true });
});
