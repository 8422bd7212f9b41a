// HTTP for the spreadsheet import (multipart upload, dry run, commit, rejected rows) and the register export.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import { importList, importMappingBody, personExportQuery, registerImport } from '../../../contracts/register-import';
import { AppError } from '../../platform/errors';
import { type AppDeps, contextOf } from '../../platform/http';
import { MAX_FILE_BYTES } from './import-file';
import * as imports from './register-import.service';

function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; body: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '');
  return reply
    .header('content-type', file.contentType)
    .header(
      'content-disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    )
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

const tooLarge = () =>
  new AppError('IMPORT_FILE_TOO_LARGE', `the file is larger than ${MAX_FILE_BYTES} bytes`, {
    maxBytes: MAX_FILE_BYTES,
  });

export function registerImportRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 },
    });
    const tags = ['register-import'];
    app.get(
      '/register-imports',
      {
        schema: {
          tags,
          summary: "The latest imports of the caller's agency (persons.write)",
          response: { 200: importList },
        },
      },
      async (request) => imports.listImports(contextOf(request, deps)),
    );
    app.post(
      '/register-imports',
      {
        schema: {
          tags,
          summary: 'Upload a CSV or XLSX register (persons.write; multipart/form-data with one part named file)',
          description: `Finds the header row and maps the columns from Indonesian or English headers. Above ${MAX_FILE_BYTES} bytes: 413 IMPORT_FILE_TOO_LARGE. Unreadable file: 422 IMPORT_FILE_UNREADABLE; no header row: 422 IMPORT_NO_HEADER_ROW; more than 200,000 rows: 422 IMPORT_TOO_MANY_ROWS.`,
          consumes: ['multipart/form-data'],
          response: { 201: registerImport },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
        }
        let part: Awaited<ReturnType<typeof request.file>>;
        try {
          part = await request.file();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw tooLarge();
          }
          throw new AppError('VALIDATION_FAILED', 'the multipart body cannot be read');
        }
        if (!part) {
          throw new AppError('IMPORT_FILE_MISSING', 'no file in the request');
        }
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw tooLarge();
          }
          throw error;
        }
        reply.code(201);
        return imports.uploadImport(contextOf(request, deps), { fileName: part.filename, bytes });
      },
    );
    app.get(
      '/register-imports/:id',
      {
        schema: {
          tags,
          summary: 'An import: mapping, counts, the first row errors, progress of a running commit (persons.write)',
          params: idParams,
          response: { 200: registerImport },
        },
      },
      async (request) => imports.getImport(contextOf(request, deps), request.params.id),
    );
    app.post(
      '/register-imports/:id/dry-run',
      {
        schema: {
          tags,
          summary: 'Check every row with this mapping without storing anything (persons.write)',
          description:
            'mapping: one field (or null) per column, in column order. 422 IMPORT_MAPPING_INCOMPLETE when a name, the nationality or the passport number is not mapped.',
          params: idParams,
          body: importMappingBody,
          response: { 200: registerImport },
        },
      },
      async (request) => imports.dryRunImport(contextOf(request, deps), request.params.id, request.body),
    );
    app.post(
      '/register-imports/:id/commit',
      {
        schema: {
          tags,
          summary: 'Store the good rows (persons.write; audited)',
          description: `Up to ${imports.SYNC_COMMIT_ROWS} rows: 200 with the finished import. Larger files: 202, committed by the job runner; poll GET /register-imports/{id}. The same file committed again by the same agency changes nothing.`,
          params: idParams,
          body: importMappingBody,
          response: { 200: registerImport, 202: registerImport },
        },
      },
      async (request, reply) => {
        const result = await imports.commitImport(contextOf(request, deps), request.params.id, request.body);
        reply.code(result.status === 'queued' || result.status === 'running' ? 202 : 200);
        return result;
      },
    );
    app.get(
      '/register-imports/:id/rejected',
      {
        schema: {
          tags,
          summary: 'The rejected rows as a file of the same format, with an error column (persons.write; audited)',
          params: idParams,
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) =>
        sendFile(reply, await imports.rejectedRowsFile(contextOf(request, deps), request.params.id)),
    );
    app.get(
      '/persons/export',
      {
        schema: {
          tags,
          summary: 'The filtered register as CSV (UTF-8 with BOM) or XLSX (persons.read; audited)',
          description:
            'The same filters as GET /persons. Cells that a spreadsheet would run as a formula are written with a leading apostrophe. More than 100,000 persons: 422 EXPORT_TOO_LARGE.',
          querystring: personExportQuery,
          produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        },
      },
      async (request, reply) => sendFile(reply, await imports.exportPersons(contextOf(request, deps), request.query)),
    );
  };
}
