import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkInRequest, stayBatchBody, stayBatchRow } from '../../../contracts/stays';
import { generatedSchemas, schemaDir } from './stay-json-schema';
import { prepareRow } from './stay-rows';

const read = (name: string) => readFileSync(path.join(schemaDir, name), 'utf8');
const example = (name: string) => JSON.parse(read(`examples/${name}`)) as unknown;
const PAGAR_ALAM_VILLAGE = '16.72.01.1005';

describe('published JSON Schemas', () => {
  it('are the ones the zod contract generates (regenerate: npx tsx server/modules/stays/stay-json-schema.ts)', () => {
    // compared as JSON: the committed files are formatted by Biome
    for (const [name, text] of Object.entries(generatedSchemas())) {
      if (name.endsWith('.json')) {
        expect(JSON.parse(read(name)), name).toEqual(JSON.parse(text));
      } else {
        expect(read(name), name).toBe(text);
      }
    }
  });

  it('accept the example files, which the API accepts too', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const batch = example('stay-batch.example.json');
    const single = example('stay-check-in.example.json');
    expect(ajv.validate(JSON.parse(read('stay-batch.schema.json')), batch), ajv.errorsText()).toBe(true);
    expect(ajv.validate(JSON.parse(read('stay-check-in.schema.json')), single), ajv.errorsText()).toBe(true);
    expect(stayBatchBody.safeParse(batch).success).toBe(true);
    expect(checkInRequest.safeParse(single).success).toBe(true);
    // every example row passes the row rules (MRZ check digits, dates) on the day after its arrival
    const now = new Date('2026-11-28T10:00:00+07:00');
    const rows = (batch as { rows: unknown[] }).rows;
    for (const [i, row] of rows.entries()) {
      const outcome = prepareRow(i, row, PAGAR_ALAM_VILLAGE, now, stayBatchRow);
      expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    }
  });

  it('reject what the API rejects: an unknown field, a missing purpose', () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const schema = JSON.parse(read('stay-batch.schema.json'));
    const row = { arrivedAt: '2026-11-27T14:05:00+07:00', expectedCheckOut: '2026-11-30', guest: { mrz: 'x' } };
    expect(ajv.validate(schema, { rows: [row] })).toBe(false);
    expect(ajv.validate(schema, { rows: [{ ...row, visitPurpose: 'tourism', colour: 'red' }] })).toBe(false);
    expect(stayBatchBody.safeParse({ rows: [row] }).success).toBe(false);
  });
});
