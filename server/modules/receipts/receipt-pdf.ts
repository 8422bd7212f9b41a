// The PDF "Surat Tanda Terima Pelaporan Orang Asing": one page per receipt (more when the guest list is long), in
// Bahasa Indonesia, with a QR code to the public verification page and the signature with its key id. Guests' names
// and documents appear on the operator's copy only; they come from a ReceiptGuestSource (the stays module's).
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { IndonesianZone, ReceiptReportKind } from '../../../contracts/receipts';
import type { Queryable } from '../../db/client';
import { formatInZone } from './receipt-numbers';

export type ReceiptGuest = { name: string; documentNumber: string; nationality: string | null };

/** Who was reported in each report: the operator reported them, so their own copy may show them. */
export interface ReceiptGuestSource {
  guestsOfReports(
    db: Queryable,
    reports: readonly { reportId: string; reportKind: ReceiptReportKind; accommodationId: string }[],
  ): Promise<Map<string, ReceiptGuest[]>>;
}

export type ReceiptDocument = {
  number: string;
  propertyName: string;
  propertyAddress: string | null;
  zone: IndonesianZone;
  reportKind: ReceiptReportKind;
  guestCount: number;
  reportedAt: Date;
  issuedAt: Date;
  keyId: string;
  signature: string;
  verificationUrl: string;
  /** null: the guest list is not part of this copy */
  guests: ReceiptGuest[] | null;
};

export const reportKindLabels: Record<ReceiptReportKind, string> = {
  check_in: 'Kedatangan tamu (check-in)',
  check_out: 'Kepergian tamu (check-out)',
  extension: 'Perpanjangan masa inap',
  correction: 'Perbaikan laporan',
  cancellation: 'Pembatalan laporan',
};

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const QR_SIZE = 120;

/** The QR code as filled squares (one rectangle per horizontal run of dark modules): crisp at any zoom. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const quiet = 2;
  const cell = size / (count + quiet * 2);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < count; row++) {
    let run = -1;
    for (let col = 0; col <= count; col++) {
      const dark = col < count && qr.modules.get(row, col) === 1;
      if (dark && run < 0) {
        run = col;
      } else if (!dark && run >= 0) {
        doc.rect(x + (quiet + run) * cell, y + (quiet + row) * cell, (col - run) * cell, cell);
        run = -1;
      }
    }
  }
  doc.fill('#000000').restore();
}

function field(doc: PDFKit.PDFDocument, label: string, value: string, width: number) {
  const y = doc.y;
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(label, MARGIN, y, { width: 130 });
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .fillColor('#000000')
    .text(value, MARGIN + 135, y, { width: width - 135 });
  doc.moveDown(0.5);
}

function drawReceipt(doc: PDFKit.PDFDocument, r: ReceiptDocument) {
  const contentWidth = A4.width - MARGIN * 2;
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text('PORA — Sistem Informasi Tim Pengawasan Orang Asing', {
    align: 'center',
  });
  doc.moveDown(0.3);
  doc
    .font('Helvetica-Bold')
    .fontSize(15)
    .fillColor('#000000')
    .text('SURAT TANDA TERIMA PELAPORAN ORANG ASING', { align: 'center' });
  doc.moveDown(0.2);
  doc.font('Helvetica').fontSize(11).text(`Nomor: ${r.number}`, { align: 'center' });
  doc
    .moveTo(MARGIN, doc.y + 8)
    .lineTo(A4.width - MARGIN, doc.y + 8)
    .lineWidth(0.8)
    .stroke();
  doc.y += 20;

  const top = doc.y;
  const fieldsWidth = contentWidth - QR_SIZE - 15;
  doc
    .font('Helvetica')
    .fontSize(10)
    .text('Laporan keberadaan orang asing berikut telah diterima:', MARGIN, doc.y, { width: fieldsWidth });
  doc.moveDown(0.8);
  field(doc, 'Penginapan', r.propertyName, fieldsWidth);
  if (r.propertyAddress) {
    field(doc, 'Alamat', r.propertyAddress, fieldsWidth);
  }
  field(doc, 'Jenis laporan', reportKindLabels[r.reportKind], fieldsWidth);
  field(doc, 'Waktu kejadian', formatInZone(r.zone, r.reportedAt), fieldsWidth);
  field(doc, 'Laporan diterima', formatInZone(r.zone, r.issuedAt), fieldsWidth);
  field(doc, 'Jumlah tamu', `${r.guestCount} orang`, fieldsWidth);
  const fieldsBottom = doc.y;

  const qrX = A4.width - MARGIN - QR_SIZE;
  drawQr(doc, r.verificationUrl, qrX, top, QR_SIZE);
  doc
    .font('Helvetica')
    .fontSize(7)
    .fillColor('#555555')
    .text('Pindai untuk memeriksa keabsahan', qrX, top + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  doc.fillColor('#000000');
  doc.x = MARGIN;
  doc.y = Math.max(fieldsBottom, top + QR_SIZE + 20) + 10;

  if (r.guests) {
    doc.font('Helvetica-Bold').fontSize(10).text('Tamu yang dilaporkan', MARGIN, doc.y);
    doc.moveDown(0.3);
    const columns = [
      { title: 'No.', x: MARGIN, width: 30 },
      { title: 'Nama', x: MARGIN + 30, width: 235 },
      { title: 'Nomor dokumen', x: MARGIN + 265, width: 130 },
      { title: 'Kewarganegaraan', x: MARGIN + 395, width: contentWidth - 395 },
    ];
    const row = (cells: string[], bold: boolean) => {
      if (doc.y > A4.height - MARGIN - 140) {
        doc.addPage();
      }
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      let bottom = y;
      columns.forEach((c, i) => {
        doc.text(cells[i] ?? '', c.x, y, { width: c.width - 5 });
        bottom = Math.max(bottom, doc.y);
      });
      doc.y = bottom + 3;
    };
    row(
      columns.map((c) => c.title),
      true,
    );
    if (r.guests.length === 0) {
      row(['', 'Rincian tamu tidak tersedia untuk laporan ini.', '', ''], false);
    }
    r.guests.forEach((g, i) => {
      row([String(i + 1), g.name, g.documentNumber, g.nationality ?? '-'], false);
    });
    doc.x = MARGIN;
    doc.moveDown(0.8);
  }

  doc.font('Helvetica-Bold').fontSize(10).text('Keabsahan', MARGIN, doc.y);
  doc.moveDown(0.3);
  doc
    .font('Helvetica')
    .fontSize(9)
    .text(
      'Surat ini ditandatangani secara elektronik (Ed25519). Keabsahannya dapat diperiksa di alamat berikut atau dengan kunci publik yang diterbitkan:',
      { width: contentWidth },
    );
  doc.moveDown(0.3);
  doc.font('Helvetica').fontSize(9).fillColor('#1a4f8b').text(r.verificationUrl, { width: contentWidth });
  doc.fillColor('#000000').moveDown(0.3);
  doc.font('Helvetica').fontSize(9).text(`Kunci: ${r.keyId}`);
  doc.font('Courier').fontSize(8).text(`Tanda tangan: ${r.signature}`, { width: contentWidth });
  doc.moveDown(1);
  doc
    .font('Helvetica-Oblique')
    .fontSize(8)
    .fillColor('#555555')
    .text(
      r.guests
        ? 'Salinan pengelola penginapan: memuat data pribadi tamu. Simpan dengan aman dan jangan disebarluaskan. Halaman verifikasi publik tidak menampilkan data tamu.'
        : 'Dokumen ini dibuat secara elektronik oleh PORA dan tidak memerlukan tanda tangan basah.',
      { width: contentWidth },
    );
  doc.fillColor('#000000');
}

/** One PDF holding every receipt given (in order), each starting on a new page. */
export function renderReceiptsPdf(receipts: readonly ReceiptDocument[], opts: { compress?: boolean } = {}) {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: opts.compress ?? true,
    autoFirstPage: false,
    info: {
      Title:
        receipts.length === 1
          ? `Surat Tanda Terima ${receipts[0]?.number}`
          : `Surat Tanda Terima Pelaporan Orang Asing (${receipts.length})`,
      Author: 'PORA',
      Producer: 'PORA',
    },
    lang: 'id-ID',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const r of receipts) {
    doc.addPage();
    drawReceipt(doc, r);
  }
  if (receipts.length === 0) {
    doc.addPage();
    doc.font('Helvetica').fontSize(11).text('Tidak ada tanda terima pada rentang tanggal ini.');
  }
  doc.end();
  return done;
}
