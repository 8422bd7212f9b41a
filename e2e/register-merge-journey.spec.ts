// Two records of one foreigner: an old one with the first passport (and a birth date typed day-for-month), and a new
// one the analyst records from the new passport's MRZ. The analyst merges them ("Gabungkan": search, side by side,
// reason), sees the merged-away record point to the surviving one and the surviving one hold both passports, then
// undoes the merge and each record has its own passport again — in Debian's Chromium against a real server with the
// demo loaded.
import { expect, type Page, test } from '@playwright/test';
import { formatMrz } from '../server/modules/mrz/mrz';

const email = process.env.E2E_ANALYST_EMAIL ?? '';
const password = process.env.E2E_ANALYST_PASSWORD ?? '';

async function signIn(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  // Wait for the sign-in to land before navigating: a page.goto right after the click aborts its request.
  await expect(page.getByRole('navigation', { name: 'Navigasi utama' })).toBeVisible();
}

test('analyst: two records of one foreigner → Gabungkan → merged record points to the survivor → undo', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  const suffix = Date.now().toString(36).slice(-4).toUpperCase().replace(/\d/g, 'K');
  const surname = `NAKAMURA${suffix}`;
  const givenNames = 'HIROSHI';
  /** as headings and the merge dialog write it */
  const shown = `${surname}, ${givenNames}`;
  /** as the merge history and the merged record's notice write it */
  const plain = `${surname} ${givenNames}`;
  const digits = Date.now().toString().slice(-7);
  const oldPassport = `TR${digits}`;
  const newPassport = `TZ${digits}`;

  await signIn(page);

  // The old record, as another desk recorded it from the first passport (birth day and month swapped). Set up
  // through the API: the journey is what happens once both records exist.
  const created = await page.request.post('/api/v1/persons', {
    data: {
      surname,
      givenNames,
      sex: 'M',
      birthDate: '1985-11-02',
      nationality: 'JPN',
      document: { type: 'P', number: oldPassport, issuingState: 'JPN', expiryDate: '2027-06-30' },
    },
  });
  expect(created.status()).toBe(201);
  const oldId = ((await created.json()) as { id: string }).id;

  // The analyst records the foreigner again from the new passport's MRZ: the birth dates disagree, so the register
  // does not take them for one person.
  const mrz = formatMrz('TD3', {
    documentCode: 'P',
    issuingState: 'JPN',
    documentNumber: newPassport,
    surname,
    givenNames,
    nationality: 'JPN',
    birthDate: '1985-02-11',
    sex: 'M',
    expiryDate: '2035-01-20',
  }).join('\n');
  await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Orang Asing' }).click();
  await expect(page.getByRole('heading', { name: 'Orang Asing', level: 1 })).toBeVisible();
  await page.getByRole('link', { name: 'Catat orang asing', exact: true }).click();
  await expect(page).toHaveURL(/\/register\/new$/);
  await page.getByLabel('Tempel baris MRZ').fill(mrz);
  await page.getByRole('button', { name: 'Baca MRZ dan isi formulir' }).click();
  await expect(page.getByTestId('person-surname')).toHaveValue(surname);
  await page.getByRole('button', { name: 'Simpan orang asing' }).click();
  await expect(page).toHaveURL(/\/register\/[0-9a-f-]{36}$/);
  const newId = page.url().split('/').pop() ?? '';
  expect(newId).not.toBe(oldId);
  const documents = page.getByTestId('section-documents');
  await expect(documents).toContainText(newPassport);
  await expect(documents).not.toContainText(oldPassport);

  // "Gabungkan": find the old record, compare both side by side, keep this one (the new passport), give a reason.
  await page.getByRole('button', { name: 'Gabungkan', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Gabungkan dengan data lain' });
  await dialog.getByLabel('Cari data yang akan digabungkan').fill(`${surname} ${givenNames}`.toLowerCase());
  const result = dialog.getByRole('button', { name: new RegExp(oldPassport) });
  await expect(result).toBeVisible();
  await expect(dialog.getByRole('button', { name: new RegExp(newPassport) })).toHaveCount(0);
  await result.click();
  const thisSide = dialog.getByTestId('merge-side').filter({ hasText: 'Data ini' });
  const otherSide = dialog.getByTestId('merge-side').filter({ hasText: 'Data yang dipilih' });
  await expect(thisSide).toContainText(newPassport);
  await expect(thisSide).toContainText('1985');
  await expect(otherSide).toContainText(oldPassport);
  await expect(dialog.getByRole('radio', { name: shown }).first()).toBeChecked();
  await dialog.getByLabel('Alasan').fill('Orang yang sama: paspor lama dan paspor baru, tanggal lahir tertukar.');
  await dialog.getByRole('button', { name: 'Gabungkan data' }).click();
  await expect(dialog).toBeHidden();

  // The surviving record holds both passports and remembers the merge.
  await expect(page).toHaveURL(new RegExp(`/register/${newId}$`));
  await expect(documents).toContainText(newPassport);
  await expect(documents).toContainText(oldPassport);
  const history = page.getByTestId('section-merges');
  await expect(history).toContainText('digabungkan ke');
  await expect(history).toContainText('berlaku');

  // The merged-away record says where it went, and links there.
  await history.getByRole('link', { name: plain }).click();
  await expect(page).toHaveURL(new RegExp(`/register/${oldId}$`));
  const banner = page.getByText(`Data ini telah digabungkan ke ${plain}.`);
  await expect(banner).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gabungkan', exact: true })).toHaveCount(0);
  await expect(documents).toContainText('Belum ada dokumen perjalanan.');
  await page.getByRole('link', { name: 'Buka data hasil penggabungan' }).click();
  await expect(page).toHaveURL(new RegExp(`/register/${newId}$`));
  await expect(documents).toContainText(oldPassport);

  // Undo: each record has its own passport again.
  await history.getByRole('button', { name: 'Batalkan penggabungan' }).click();
  const undo = page.getByRole('dialog', { name: 'Batalkan penggabungan?' });
  await undo.getByLabel('Alasan').fill('Perlu diperiksa ulang: tanggal lahir berbeda.');
  await undo.getByRole('button', { name: 'Batalkan penggabungan' }).click();
  await expect(undo).toBeHidden();
  await expect(history).toContainText('dibatalkan');
  await expect(documents).toContainText(newPassport);
  await expect(documents).not.toContainText(oldPassport);

  await history.getByRole('link', { name: plain }).click();
  await expect(page).toHaveURL(new RegExp(`/register/${oldId}$`));
  await expect(documents).toContainText(oldPassport);
  await expect(documents).not.toContainText(newPassport);
  await expect(page.getByText('Data ini telah digabungkan ke')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Gabungkan', exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/register-merge-undone.png', fullPage: true });
});
