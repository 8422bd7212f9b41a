import { randomBytes } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '../../db/client';
import { jobDefinitions } from '../../jobs';
import { runDueJobs } from '../../platform/jobs';
import { createTestEnv, type TestEnv } from '../../test/harness';
import { buildMuaraEnimOffice, signInAs } from '../orgs/orgs.test-support';
import { nameKeyOf } from '../persons/persons.repo';
import { buildPerson, PAGAR_ALAM_VILLAGE, passportMrz } from '../persons/persons.test-support';
import { MAX_FILE_BYTES } from './import-file';

let env: TestEnv;
let cookie: string;
let memberCookie: string;
beforeAll(async () => {
  env = await createTestEnv();
  const { agency } = await buildMuaraEnimOffice(env);
  cookie = (await signInAs(env, 'analyst', { agencyId: agency.id })).cookie;
  memberCookie = (await signInAs(env, 'agency_member', { agencyId: agency.id })).cookie;
});
afterAll(async () => {
  await env.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function upload(fileName: string, bytes: Buffer, as = cookie) {
  const boundary = `----pora${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  return env.app.inject({
    method: 'POST',
    url: '/api/v1/register-imports',
    headers: { cookie: as, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}
const post = (url: string, payload: object = {}) =>
  env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
const get = (url: string, as = cookie) => env.app.inject({ method: 'GET', url, headers: { cookie: as } });

async function count(table: string, where = 'true'): Promise<number> {
  const [row] = await selectRows<{ n: number }>(
    env.database.db,
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  );
  return Number(row?.n);
}
async function counts() {
  return {
    persons: await count('persons'),
    names: await count('person_names'),
    documents: await count('travel_documents'),
    permits: await count('permits'),
    addresses: await count('addresses'),
    claims: await count('identity_claims'),
    sponsors: await count('sponsors'),
  };
}

/** A register as an office keeps it: a title above the table, Indonesian headers, Excel dates, a formula. */
async function officeWorkbook(rows: (string | number | Date | ExcelJS.CellFormulaValue | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Data WNA');
  ws.addRow(['DAFTAR ORANG ASING KOTA PAGAR ALAM']);
  ws.mergeCells('A1:F1');
  ws.addRow([]);
  ws.addRow([
    'No',
    'Nama Lengkap',
    'L/P',
    'Tgl Lahir',
    'Kewarganegaraan',
    'No. Paspor',
    'Jenis Izin Tinggal',
    'No. ITAS/KITAS',
    'Berlaku s.d.',
    'Alamat',
    'Kode Desa',
    'Penjamin',
  ]);
  for (const r of rows) {
    ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('importing an office spreadsheet', () => {
  let importId: string;
  let file: Buffer;

  it('finds the header row under a title and maps the Indonesian headers', async () => {
    file = await officeWorkbook([
      [
        1,
        'ZHANG WEI',
        'L',
        new Date(Date.UTC(1985, 2, 14)),
        'Tiongkok',
        'E12345678',
        'ITAS',
        '2C21AB0001',
        new Date(Date.UTC(2031, 5, 30)),
        'Mess PLTU',
        PAGAR_ALAM_VILLAGE,
        'PT Sawit Impor',
      ],
      [
        2,
        'TAN AH KOW',
        'L',
        '03/07/1979',
        'MYS',
        'A87654321',
        'KITAS',
        '2C21AB0002',
        '15-01-32',
        'Jl. Mawar 1',
        PAGAR_ALAM_VILLAGE,
        'PT Sawit Impor',
      ],
      [3, 'PARK MIN JI', 'P', '30/02/1990', 'Korea Selatan', 'M11122233', 'ITAS', null, null, null, null, null],
      [
        4,
        { formula: 'UPPER("kim soo")', result: 'KIM SOO' },
        'P',
        1992,
        'KOR',
        'M99988877',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [
        5,
        { formula: 'A1&B1' } as ExcelJS.CellFormulaValue,
        'L',
        null,
        'AUS',
        'PA1234567',
        null,
        null,
        null,
        null,
        null,
        null,
      ],
      [6, 'JOHN SMITH', 'L', null, 'AUS', 'PA7654321', 'ITAS', null, null, 'Jakarta', '31.71', null],
    ]);
    const res = await upload('data-wna.xlsx', file);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    importId = body.id;
    expect(body).toMatchObject({ format: 'xlsx', status: 'uploaded', headerRow: 3, dataRows: 6 });
    expect(body.columns.map((c: { field: string | null }) => c.field)).toEqual([
      null,
      'fullName',
      'sex',
      'birthDate',
      'nationality',
      'documentNumber',
      'permitType',
      'permitNumber',
      'permitValidUntil',
      'addressText',
      'region',
      'sponsorName',
    ]);
  });

  it('dry run names each bad row, column and code, and stores nothing', async () => {
    const before = await counts();
    const res = await post(`/api/v1/register-imports/${importId}/dry-run`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.counts).toEqual({
      totalRows: 6,
      okRows: 3,
      rejectedRows: 3,
      newPersons: 3,
      updatedPersons: 0,
      unchangedRows: 0,
    });
    expect(body.errors.map((e: { row: number; column: string; code: string }) => [e.row, e.column, e.code])).toEqual([
      [6, 'Tgl Lahir', 'INVALID_DATE'],
      [8, 'Nama Lengkap', 'FORMULA_WITHOUT_VALUE'],
      [9, 'Kode Desa', 'AREA_OUT_OF_SCOPE'],
    ]);
    expect(body.errors[0].message).toMatch(/tanggal/);
    expect(await counts()).toEqual(before);
  });

  it('commits the good rows with the import as their source, one audit row for the commit', async () => {
    const auditBefore = await count('audit_log', "action like 'register_import.%'");
    const res = await post(`/api/v1/register-imports/${importId}/commit`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'committed', counts: { okRows: 3, newPersons: 3, rejectedRows: 3 } });
    expect(await count('audit_log', "action like 'register_import.%'")).toBe(auditBefore + 1);
    expect(await count('audit_log', "action = 'person.create'")).toBe(0);

    const found = await get('/api/v1/persons?q=zhnag%20wei');
    const zhang = found.json().items.find((p: { givenNames: string }) => p.givenNames === 'ZHANG WEI');
    expect(zhang).toMatchObject({ nationality: 'CHN', birthDate: '1985-03-14', sex: 'M', permit: { type: 'ITAS' } });
    const page = (await get(`/api/v1/persons/${zhang.id}`)).json();
    expect(page.documents[0]).toMatchObject({ number: 'E12345678', issuingState: 'CHN' });
    expect(page.permits[0]).toMatchObject({ type: 'ITAS', validUntil: '2031-06-30', number: '2C21AB0001' });
    expect(page.addresses[0]).toMatchObject({ region: { code: PAGAR_ALAM_VILLAGE }, text: 'Mess PLTU' });
    expect(page.sponsor).toMatchObject({ name: 'PT Sawit Impor' });
    expect(page.claims[0].source).toMatchObject({ kind: 'import', reference: 'data-wna.xlsx #4' });
    const kim = (await get('/api/v1/persons?q=KIM%20SOO')).json().items[0];
    expect(kim).toMatchObject({ birthDate: '1992', nationality: 'KOR' });
    expect(await count('sponsors', "name = 'PT Sawit Impor'")).toBe(1);
  });

  it('gives the rejected rows back as XLSX with an error column', async () => {
    const res = await get(`/api/v1/register-imports/${importId}/rejected`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    expect(ws.getRow(1).getCell(13).value).toBe('Kesalahan');
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(2).getCell(2).value).toBe('PARK MIN JI');
    expect(String(ws.getRow(2).getCell(13).value)).toContain('Tgl Lahir');
    expect(String(ws.getRow(2).getCell(13).value)).toContain('INVALID_DATE');
  });

  it('importing the same file again changes nothing', async () => {
    const before = await counts();
    const again = await upload('data-wna (1).xlsx', file);
    expect(again.json().duplicateOf).toMatchObject({ id: importId });
    const res = await post(`/api/v1/register-imports/${again.json().id}/commit`);
    expect(res.json()).toMatchObject({
      status: 'committed',
      counts: { newPersons: 0, updatedPersons: 0, unchangedRows: 3 },
    });
    expect(await counts()).toEqual(before);
  });

  it('the same rows in another file: identical facts are not duplicated, a disagreement becomes a claim', async () => {
    const before = await counts();
    const csv = [
      'Nama Lengkap;Tgl Lahir;Kewarganegaraan;No. Paspor;Jenis Izin Tinggal;No. ITAS/KITAS;Berlaku s.d.;Kode Desa;Alamat',
      `ZHANG WEI;14/03/1985;CHN;E12345678;ITAS;2C21AB0001;30/06/2031;${PAGAR_ALAM_VILLAGE};Mess PLTU`,
      `TAN AH KOW;03/07/1978;MYS;A87654321;ITAS;2C21AB0002;15/01/2032;${PAGAR_ALAM_VILLAGE};Jl. Mawar 1`,
      'KIM SOO;1992;KOR;M99988877;ITK;;31/12/2026;;',
    ].join('\r\n');
    const up = await upload('rekap.csv', Buffer.from(csv, 'utf8'));
    expect(up.statusCode, up.body).toBe(201);
    const res = await post(`/api/v1/register-imports/${up.json().id}/commit`);
    expect(res.json().counts).toMatchObject({ newPersons: 0, updatedPersons: 2, unchangedRows: 1, rejectedRows: 0 });
    const after = await counts();
    expect(after).toEqual({ ...before, claims: before.claims + 1, permits: before.permits + 1 });
    const tan = (await get('/api/v1/persons?q=TAN%20AH%20KOW')).json().items[0];
    expect(tan.birthDate).toBe('1979-07-03');
    const page = (await get(`/api/v1/persons/${tan.id}`)).json();
    expect(page.disagreements.map((d: { field: string }) => d.field)).toContain('birthDate');
  });
});

describe('text as written', () => {
  const stored = (numbers: string) =>
    selectRows<{ text: string; notes: string | null }>(
      env.database.db,
      sql`select a.text, p.notes from travel_documents d join addresses a using (person_id)
          join persons p on p.id = d.person_id where d.number like ${numbers} order by d.number`,
    );
  async function commitCsv(name: string, lines: string[]) {
    const head = 'Nama Lengkap;Kewarganegaraan;No. Paspor;Kode Desa;Alamat;Keterangan';
    const up = await upload(name, Buffer.from([head, ...lines].join('\r\n'), 'utf8'));
    expect(up.statusCode, up.body).toBe(201);
    return (await post(`/api/v1/register-imports/${up.json().id}/commit`)).json();
  }

  it('stores quotes, backslashes, commas, braces and the word NULL in free text exactly', async () => {
    const odd = ['Jl. "Mawar" No. 5, Blok {C}', 'Gg. Melati \\ RT 02', 'NULL', "Ruko 'Indah' Lt. 2"];
    const done = await commitCsv(
      'teks.csv',
      odd.map((text, i) => `LIU YANG ${'ABCD'[i]};CHN;Q7000000${i};${PAGAR_ALAM_VILLAGE};${text};${text}`),
    );
    expect(done.counts).toMatchObject({ newPersons: 4, rejectedRows: 0 });
    expect(await stored('Q7%')).toEqual(odd.map((text) => ({ text, notes: text })));
  });

  it('a file of one row (every column alike) stores that row', async () => {
    const done = await commitCsv('satu.csv', [`SOLO RIDER;AUS;PA1234567;${PAGAR_ALAM_VILLAGE};Jl. "Solo";`]);
    expect(done.counts).toMatchObject({ newPersons: 1, rejectedRows: 0 });
    expect(await stored('PA1234567')).toEqual([{ text: 'Jl. "Solo"', notes: null }]);
  });
});

describe('hostile files', () => {
  it('refuses a file above the limit with 413 problem+json', async () => {
    const res = await upload('besar.csv', Buffer.alloc(MAX_FILE_BYTES + 1024, 0x41));
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', maxBytes: MAX_FILE_BYTES });
  });

  it('reads Windows-1252 with semicolons and UTF-8 with BOM with tabs', async () => {
    const latin = Buffer.from('Nama Lengkap;Kewarganegaraan;No. Paspor\r\nJOSÉ MARÍA;ESP;XDA123456\r\n', 'latin1');
    const a = (await upload('eropa.csv', latin)).json();
    expect(a.columns.map((c: { field: string }) => c.field)).toEqual(['fullName', 'nationality', 'documentNumber']);
    await post(`/api/v1/register-imports/${a.id}/commit`);
    expect((await get('/api/v1/persons?q=jose%20maria')).json().items[0].givenNames).toBe('JOSÉ MARÍA');
    const bom = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('Full name\tNationality\tPassport No\nNGUYỄN VĂN AN\tVietnam\tC1234567\n'),
    ]);
    const b = (await upload('vn.tsv', bom)).json();
    const done = (await post(`/api/v1/register-imports/${b.id}/commit`)).json();
    expect(done.counts).toMatchObject({ newPersons: 1 });
  });

  it('a sheet that is not a table, an old .xls and binary noise: clear errors', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Catatan').addRow(['Rapat TIM PORA 12 Mei: bahas WNA di perkebunan']);
    const notTable = await upload('catatan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(notTable.statusCode).toBe(422);
    expect(notTable.json().code).toBe('IMPORT_NO_HEADER_ROW');
    const xls = await upload('lama.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.json()).toMatchObject({ code: 'IMPORT_FILE_UNREADABLE', reason: 'xls' });
    const noise = await upload('x.csv', randomBytes(4096));
    expect([422]).toContain(noise.statusCode);
    const brokenZip = await upload('rusak.xlsx', Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(2000)]));
    expect(brokenZip.statusCode).toBe(422);
    expect(brokenZip.json().code).toBe('IMPORT_FILE_UNREADABLE');
  });

  it('a million empty rows after the data: skipped, the real rows counted', async () => {
    const text = `Nama Lengkap,Kewarganegaraan,No. Paspor\r\nLI NA,CHN,E00000001\r\n${',,\r\n'.repeat(1_000_000)}`;
    const started = Date.now();
    const res = await upload('kosong.csv', Buffer.from(text));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().dataRows).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('an XLSX with many formatted empty rows and wrong types in cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data');
    ws.addRow(['Nama', 'WN', 'No Paspor', 'Tgl Lahir']);
    ws.addRow(['ALI BIN ABU', 'MYS', 'A11111111', true]);
    ws.addRow([12345, 'MYS', 'A22222222', '1990-01-01']);
    for (let r = 4; r < 20_000; r++) {
      ws.getRow(r).getCell(1).numFmt = '@';
    }
    const up = await upload('tipe.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json().dataRows).toBe(2);
    const dry = (await post(`/api/v1/register-imports/${up.json().id}/dry-run`)).json();
    expect(dry.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [2, 'INVALID_DATE'],
      [3, 'INVALID_NAME'],
    ]);
  });

  it('needs persons.write, and a mapping with name, nationality and passport', async () => {
    const denied = await upload('x.csv', Buffer.from('Nama,WN,Paspor\nA,CHN,E1\n'), memberCookie);
    expect(denied.statusCode).toBe(403);
    const up = (await upload('x.csv', Buffer.from('Nama,WN,Paspor\nA B,CHN,E1\n'))).json();
    const res = await post(`/api/v1/register-imports/${up.id}/dry-run`, { mapping: ['fullName', 'nationality', null] });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'IMPORT_MAPPING_INCOMPLETE', missing: ['documentNumber'] });
    const other = await get(`/api/v1/register-imports/${up.id}`, memberCookie);
    expect(other.statusCode).toBe(403);
  });
});

describe('rows against the register and the areas', () => {
  it('a village by name, a person on file outside the scope, a sponsor the importer may not add', async () => {
    await buildPerson(env, {
      document: { mrz: passportMrz({ documentNumber: 'E77700001' }) },
      address: { regionCode: '31.71' },
    });
    const csv = [
      'Nama Lengkap;Kewarganegaraan;No. Paspor;Kelurahan;Penjamin;Alamat',
      'OKAFOR CHIDI;NGA;A01010101;Kelurahan Dempo Makmur;;"Jl. ""Mawar"" 5\\B, {RT 2}"',
      'ZHANG WEI;CHN;E77700001;;;',
      'MENDES ANA;BRA;FB1234567;Desa Yang Tidak Ada;;Rumah',
      'KOWALSKI JAN;POL;EP9999999;;PT Belum Terdaftar;',
      'SILVA JOAO;PRT;CB7654321;Muara Siban;;Rumah',
    ].join('\n');
    const officer = await signInAs(env, 'field_officer', { agencyId: (await buildMuaraEnimOffice(env)).agency.id });
    const boundary = `----pora${randomBytes(8).toString('hex')}`;
    const up = await env.app.inject({
      method: 'POST',
      url: '/api/v1/register-imports',
      headers: { cookie: officer.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="wilayah.csv"\r\n\r\n`),
        Buffer.from(csv),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]),
    });
    expect(up.statusCode, up.body).toBe(201);
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/register-imports/${up.json().id}/commit`,
      headers: { cookie: officer.cookie },
      payload: {},
    });
    const body = res.json();
    expect(body.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [3, 'PERSON_OUT_OF_SCOPE'],
      [4, 'UNKNOWN_AREA'],
      [5, 'SPONSOR_NOT_ALLOWED'],
      [6, 'AMBIGUOUS_AREA'],
    ]);
    const okafor = (await get('/api/v1/persons?q=okafor%20chidi')).json().items[0];
    expect(okafor.region).toMatchObject({ code: '16.72.01.1018', name: 'Dempo Makmur' });
    const page = (await get(`/api/v1/persons/${okafor.id}`)).json();
    expect(page.addresses[0].text).toBe('Jl. "Mawar" 5\\B, {RT 2}');

    // The rejected rows as CSV: BOM, the file's separator, the error column.
    const rejected = await env.app.inject({
      method: 'GET',
      url: `/api/v1/register-imports/${up.json().id}/rejected`,
      headers: { cookie: officer.cookie },
    });
    expect(rejected.headers['content-type']).toContain('text/csv');
    expect([...rejected.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(rejected.rawPayload, { bom: true, delimiter: ';', columns: true }) as Record<
      string,
      string
    >[];
    expect(rows.map((r) => r['No. Paspor'])).toEqual(['E77700001', 'FB1234567', 'EP9999999', 'CB7654321']);
    expect(rows[1]?.Kesalahan).toContain('Kelurahan');
    expect(rows[1]?.Kesalahan).toContain('UNKNOWN_AREA');
  });
});

describe('large imports run as a job', () => {
  it('queues a file above the request limit and the job runner commits it', async () => {
    const lines = ['Nama Lengkap,Kewarganegaraan,No. Paspor,Tgl Lahir,Jenis Izin Tinggal,Berlaku s.d.'];
    for (let i = 0; i < 2500; i++) {
      // 40 names over 2,500 persons: later chunks take the name keys the first ones created
      const letters = (i % 40).toString(26).replace(/./g, (c) => String.fromCharCode(65 + Number.parseInt(c, 26)));
      lines.push(`PERSON ${letters},IND,Z${String(i).padStart(8, '0')},01/01/1980,ITAS,31/12/2027`);
    }
    const up = (await upload('besar.csv', Buffer.from(lines.join('\n')))).json();
    const res = await post(`/api/v1/register-imports/${up.id}/commit`);
    expect(res.statusCode).toBe(202);
    expect(res.json().status).toBe('queued');
    await runDueJobs({
      database: env.database,
      config: env.ctx({ kind: 'anonymous' }).config,
      log: env.app.log,
      definitions: jobDefinitions,
    });
    const done = (await get(`/api/v1/register-imports/${up.id}`)).json();
    expect(done, JSON.stringify(done.errors.slice(0, 3))).toMatchObject({
      status: 'committed',
      processedRows: 2500,
      counts: { newPersons: 2500 },
    });
    expect(await count('travel_documents', "number like 'Z%'")).toBe(2500);
    // every name points at the key of its own spelling, whichever chunk created the key
    const names = await selectRows<{ surname: string; givenNames: string; fullName: string | null; key: string }>(
      env.database.db,
      sql`select distinct n.surname, n.given_names as "givenNames", n.full_name as "fullName", k.key
          from person_names n join name_keys k on k.id = n.name_key_id
          join travel_documents d on d.person_id = n.person_id where d.number like 'Z%'`,
    );
    expect(names).toHaveLength(40);
    for (const n of names) {
      expect(n.key).toBe(nameKeyOf(n).key);
    }
  });
});

describe('export', () => {
  it('writes the filtered register as UTF-8 CSV with BOM, formulas neutralised, and audits the read', async () => {
    const up = (
      await upload(
        'sponsor.csv',
        Buffer.from(`Nama Lengkap,WN,No Paspor,Penjamin\nSITI AMINAH,MYS,K55555555,-CV Minus\n`),
      )
    ).json();
    await post(`/api/v1/register-imports/${up.id}/commit`);
    const auditBefore = await count('audit_log', "action = 'person.export'");
    const res = await get('/api/v1/persons/export?format=csv&nationality=MYS');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="register-wna-.*\.csv"/);
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.every((r) => r.Kewarganegaraan === 'MYS')).toBe(true);
    const siti = rows.find((r) => r['Nama Depan'] === 'SITI AMINAH');
    expect(siti).toMatchObject({ 'No. Paspor': 'K55555555', Penjamin: "'-CV Minus" });
    expect(await count('audit_log', "action = 'person.export'")).toBe(auditBefore + 1);
  });

  it('writes XLSX that opens with the same values', async () => {
    const res = await get('/api/v1/persons/export?format=xlsx&q=zhang%20wei');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0] as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers).toContain('No. Paspor');
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    expect(row[headers.indexOf('No. Paspor')]).toBe('E12345678');
    expect(row[headers.indexOf('Kewarganegaraan')]).toBe('CHN');
  });

  it('what the export writes, the import reads back', async () => {
    const res = await get('/api/v1/persons/export?format=csv&nationality=MYS');
    const up = (await upload('ekspor.csv', res.rawPayload)).json();
    const mapped = up.columns.filter((c: { field: string | null }) => c.field).map((c: { field: string }) => c.field);
    expect(mapped).toEqual(
      expect.arrayContaining(['surname', 'givenNames', 'nationality', 'documentNumber', 'permitType', 'region']),
    );
    const before = await counts();
    const done = (await post(`/api/v1/register-imports/${up.id}/commit`)).json();
    expect(done.counts).toMatchObject({ newPersons: 0, rejectedRows: 0 });
    expect((await counts()).persons).toBe(before.persons);
  });
});
