// The JSON Schemas of the check-in and batch bodies for integrators (docs/schemas/), generated from the zod contract
// so that the two cannot drift, and the spreadsheet templates. Regenerate: npx tsx server/modules/stays/stay-json-schema.ts
// && npx biome format --write docs/schemas
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { checkInRequest, stayBatchBody } from '../../../contracts/stays';
import { templateCsv } from './stay-upload';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const schemaDir = path.join(root, 'docs/schemas');

function schemaOf(schema: z.ZodType, id: string, title: string): string {
  const json = {
    ...z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }),
    $id: `https://pora.invalid/schemas/${id}`,
    title,
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

export const generatedSchemas = (): Record<string, string> => ({
  'stay-batch.schema.json': schemaOf(
    stayBatchBody,
    'stay-batch.schema.json',
    'PORA: POST /api/v1/stays/batches body (guest check-ins of one property)',
  ),
  'stay-check-in.schema.json': schemaOf(
    checkInRequest,
    'stay-check-in.schema.json',
    'PORA: POST /api/v1/stays/check-ins body (one guest or a group)',
  ),
  // the spreadsheet templates GET /stays/uploads/template serves
  'examples/stay-upload-template.id.csv': templateCsv('id'),
  'examples/stay-upload-template.en.csv': templateCsv('en'),
});

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, text] of Object.entries(generatedSchemas())) {
    writeFileSync(path.join(schemaDir, name), text);
  }
}
