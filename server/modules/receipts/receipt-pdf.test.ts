import { describe, expect, it } from 'vitest';
import { type ReceiptDocument, renderReceiptsPdf } from './receipt-pdf';
import { pdfPageCount, pdfText } from './receipts.test-support';

const receipt = (over: Partial<ReceiptDocument> = {}): ReceiptDocument => ({
  number: 'STT-2026-7KQ4-M9XD-2HW0',
  propertyName: 'Homestay Kebun Teh',
  propertyAddress: 'Jl. Kapt. Sanap No. 12, Dempo Utara',
  zone: 'WIB',
  reportKind: 'check_out',
  guestCount: 1,
  reportedAt: new Date('2026-03-09T03:00:00Z'),
  issuedAt: new Date('2026-03-09T03:05:00Z'),
  keyId: 'AbCdEfGhIjKlMnOp',
  signature: 'c2lnbmF0dXJl',
  verificationUrl: 'https://pora.example.go.id/verifikasi/STT-2026-7KQ4-M9XD-2HW0',
  guests: null,
  ...over,
});

describe('receipt PDF', () => {
  it('is a one-page Indonesian document with the verification link; no guests on the copy without them', async () => {
    const pdf = await renderReceiptsPdf([receipt()]);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfPageCount(pdf)).toBe(1);
    const text = pdfText(pdf);
    expect(text).toContain('SURAT TANDA TERIMA PELAPORAN ORANG ASING');
    expect(text).toContain('Kepergian tamu (check-out)');
    expect(text).toContain('9 Maret 2026 pukul 10.00 WIB');
    expect(text).toContain('https://pora.example.go.id/verifikasi/STT-2026-7KQ4-M9XD-2HW0');
    expect(text).not.toContain('Tamu yang dilaporkan');
  });

  it('continues a long guest list on the next page', async () => {
    const guests = Array.from({ length: 60 }, (_, i) => ({
      name: `GUEST NUMBER ${i + 1}`,
      documentNumber: `X${String(i).padStart(7, '0')}`,
      nationality: 'AUS',
    }));
    const pdf = await renderReceiptsPdf([receipt({ guests, guestCount: 60 }), receipt()], { compress: false });
    expect(pdfPageCount(pdf)).toBe(3);
    const text = pdfText(pdf);
    expect(text).toContain('GUEST NUMBER 60');
    expect(text).toContain('X0000059');
  });
});
