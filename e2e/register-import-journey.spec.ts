// An analyst imports the office's spreadsheet (XLSX with Indonesian headers and one bad row), sees the bad row in the
// dry run, saves the good ones, finds an imported person by a misspelled name and sees the file as the source on the
// person page — in Debian's Chromium against a real server with the demo loaded.
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';

const email = process.env.E2E_ANALYST_EMAIL ?? '';
const password = process.env.E2E_ANALYST_PASSWORD ?? '';

test('analyst: import XLSX → dry run → commit → search → person page', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const suffix = Date.now().toString(36).slice(-4).toUpperCase().replace(/\d/g, 'K');
  const surname = `WOJCIECHOWSKA${suffix}`;
  const passport = `EW${Date.now().toString().slice(-7)}`;
  const fileName = `wna-pagar-alam-${suffix.toLowerCase()}.xlsx`;

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data WNA');
  sheet.addRow(['DAFTAR ORANG ASING KOTA PAGAR ALAM']);
  sheet.addRow([]);
  sheet.addRow([
    'No',
    'Nama Lengkap',
    'L/P',
    'Tgl Lahir',
    'Kewarganegaraan',
    'No. Paspor',
    'Jenis Izin Tinggal',
    'Berlaku s.d.',
    'Alamat',
    'Kode Desa',
    'Penjamin',
  ]);
  sheet.addRow([
    1,
    `${surname}, ANNA`,
    'P',
    new Date(Date.UTC(1990, 4, 17)),
    'Polandia',
    passport,
    'ITAS',
    '31/12/2027',
    'Mess PLTU Keban Agung',
    '16.72.01.1005',
    'PT Sawit Journey',
  ]);
  sheet.addRow([
    2,
    'NOWAK PIOTR',
    'L',
    '30/02/1985',
    'POL',
    `EX${passport.slice(2)}`,
    'ITAS',
    '31/12/2027',
    null,
    null,
  ]);
  sheet.getCell('D4').numFmt = 'dd/mm/yyyy';
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());

  await page.goto('/sign-in');
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await expect(page.getByTestId('nav-register')).toBeVisible();

  // Choose the file: the header row is found under the sheet's title and the columns are recognised.
  await page.getByTestId('nav-registerImport').click();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: fileName, mimeType: 'application/octet-stream', buffer: bytes });
  await page.getByTestId('import-upload').click();
  await expect(page.getByTestId('import-mapping')).toBeVisible();
  await expect(page.getByTestId('import-mapping-row')).toHaveCount(11);
  await expect(page.getByTestId('import-field-1')).toHaveValue('Nama lengkap');
  await expect(page.getByTestId('import-field-5')).toHaveValue('Nomor paspor');
  await page.screenshot({ path: 'test-results/import-wizard-mapping.png', fullPage: true });

  // Dry run: the bad row comes back with its row, column and problem, in Bahasa Indonesia.
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-check-summary')).toContainText('1 dari 2 baris siap disimpan');
  const error = page.getByTestId('import-error-row');
  await expect(error).toHaveCount(1);
  await expect(error).toContainText('5');
  await expect(error).toContainText('Tgl Lahir');
  await expect(error).toContainText('tanggal tidak ada di kalender');
  await page.screenshot({ path: 'test-results/import-wizard-check.png', fullPage: true });

  // Commit: the good row is stored; the rejected row can be downloaded.
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-done')).toBeVisible();
  await expect(page.getByTestId('import-done')).toContainText('1 orang baru');
  await expect(page.getByTestId('import-rejected-download')).toBeVisible();
  await page.screenshot({ path: 'test-results/import-wizard-done.png', fullPage: true });

  // Found by a misspelled name (two letters swapped, given name first), opened, the file is the source.
  await page.getByTestId('import-to-register').click();
  const misspelled = `anna ${surname.slice(0, 4)}${surname[5]}${surname[4]}${surname.slice(6)}`.toLowerCase();
  await page.getByTestId('register-search').fill(misspelled);
  const row = page.getByTestId('register-row').filter({ hasText: surname });
  await expect(row).toBeVisible();
  await row.getByRole('link').first().click();
  await expect(page.getByTestId('person-name')).toContainText(surname);
  await expect(
    page
      .getByTestId('fact-source')
      .filter({ hasText: `${fileName} #4` })
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/import-person-page.png', fullPage: true });
});
