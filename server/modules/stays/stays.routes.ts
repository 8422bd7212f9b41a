// HTTP for guest reporting: check-ins, batches and follow-up reports (operators and API keys; Idempotency-Key and
// ?dryRun=true), and the stay lists of operators and of the office, and a person's stays for the person page.
import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '../../../contracts/common';
import {
  batchAccepted,
  batchDetail,
  cancellationRequest,
  checkInRequest,
  checkInResult,
  checkOutRequest,
  correctionRequest,
  dryRunQuery,
  extensionRequest,
  idempotencyKeySchema,
  stayBatchEnvelope,
  stayDetail,
  stayListQuery,
  stayPage,
  stayReportListQuery,
  stayReportPage,
  stayReportResult,
} from '../../../contracts/stays';
import { AppError } from '../../platform/errors';
import { type AppDeps, contextOf } from '../../platform/http';
import { useReceiptGuestSource } from '../receipts/receipts.service';
import { MAX_FILE_BYTES } from '../register-import/import-file';
import { stayReceiptGuests } from './stay-receipts';
import { templateCsv } from './stay-upload';
import * as service from './stays.service';

/** A 100,000-row batch with MRZ lines is about 40 MB of JSON. */
export const BATCH_BODY_LIMIT = 100 * 1024 * 1024;

const idempotencyHeaders = z
  .object({
    'idempotency-key': idempotencyKeySchema
      .optional()
      .describe('a retry with the same key and body returns the first answer and creates nothing twice'),
  })
  .loose();

const uploadQuery = z
  .object({
    accommodationId: z.uuid().optional(),
    dryRun: z
      .enum(['true', 'false'])
      .optional()
      .transform((v) => v === 'true'),
  })
  .strict();

const keyAndSession: Record<string, string[]>[] = [{ session: [] }, { apiKey: [] }];

export function stayRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  // The receipts module prints the guests of a report on the operator's PDF; the stays module owns them.
  // biome-ignore lint/correctness/useHookAtTopLevel: a registration named like a hook, not a React hook
  useReceiptGuestSource(stayReceiptGuests);
  return async (app) => {
    await app.register(fastifyMultipart, {
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 100 },
    });
    const tags = ['stays'];
    app.post(
      '/stays/check-ins',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: 'Report the check-in of one guest or a group (operator of the property, or its API key)',
          security: keyAndSession,
          headers: idempotencyHeaders,
          querystring: dryRunQuery,
          body: checkInRequest,
          response: { 200: checkInResult, 201: checkInResult },
        },
      },
      async (request, reply) => {
        const answer = await service.checkIn(contextOf(request, deps), request.body, {
          dryRun: request.query.dryRun,
          idempotencyKey: request.headers['idempotency-key'],
        });
        reply.code(answer.statusCode as 200 | 201);
        return answer.body;
      },
    );
    app.post(
      '/stays/batches',
      {
        config: { apiKey: true },
        bodyLimit: BATCH_BODY_LIMIT,
        schema: {
          tags,
          summary: 'Send many check-ins at once (up to 100,000 rows); 202 with a batch id to poll',
          description:
            'Every row is checked on its own (docs/schemas/stay-batch.schema.json); good rows are saved together, bad rows are listed with their errors.',
          security: keyAndSession,
          headers: idempotencyHeaders,
          querystring: dryRunQuery,
          body: stayBatchEnvelope,
          response: { 202: batchAccepted },
        },
      },
      async (request, reply) => {
        const answer = await service.submitBatch(contextOf(request, deps), request.body, {
          dryRun: request.query.dryRun,
          idempotencyKey: request.headers['idempotency-key'],
        });
        reply.code(202);
        return answer.body;
      },
    );
    app.post(
      '/stays/uploads',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: 'Send guests as a CSV or XLSX sheet (the template); 202 with a batch id, as for a batch',
          description: `multipart/form-data with one part named file, at most ${MAX_FILE_BYTES} bytes (413 IMPORT_FILE_TOO_LARGE). Indonesian or English headers (GET /stays/uploads/template). Rows are checked one by one; each row's ref is its sheet row ("row 7") unless the sheet has a reference column.`,
          consumes: ['multipart/form-data'],
          security: keyAndSession,
          headers: idempotencyHeaders,
          querystring: uploadQuery,
          response: { 202: batchAccepted },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart()) {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'send the file as multipart/form-data');
        }
        const tooLarge = () =>
          new AppError('IMPORT_FILE_TOO_LARGE', `the file is larger than ${MAX_FILE_BYTES} bytes`, {
            maxBytes: MAX_FILE_BYTES,
          });
        let bytes: Buffer;
        try {
          const part = await request.file();
          if (!part) {
            throw new AppError('IMPORT_FILE_MISSING', 'no file in the request');
          }
          bytes = await part.toBuffer();
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw tooLarge();
          }
          throw error;
        }
        const answer = await service.uploadStays(
          contextOf(request, deps),
          { accommodationId: request.query.accommodationId, bytes },
          { dryRun: request.query.dryRun, idempotencyKey: request.headers['idempotency-key'] },
        );
        reply.code(202);
        return answer.body;
      },
    );
    app.get(
      '/stays/uploads/template',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The guest sheet template (CSV; Indonesian or English headers)',
          security: [],
          querystring: z.object({ lang: z.enum(['id', 'en']).default('id') }).strict(),
        },
      },
      async (request, reply) =>
        reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="template-lapor-tamu-${request.query.lang}.csv"`)
          .send(templateCsv(request.query.lang)),
    );
    app.get(
      '/stays/batches/:id',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: "A batch's status and, once done, every row's result",
          security: keyAndSession,
          params: idParams,
          response: { 200: batchDetail },
        },
      },
      async (request) => service.getBatch(contextOf(request, deps), request.params.id),
    );
    app.get(
      '/stays',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: "Stays: an operator's or key's own guests, or the office's (stays.read, scope); audited",
          security: keyAndSession,
          querystring: stayListQuery,
          response: { 200: stayPage },
        },
      },
      async (request) => service.listStays(contextOf(request, deps), request.query),
    );
    app.get(
      '/stays/reports',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: "Reports of your own properties, newest first (the operator's history)",
          security: keyAndSession,
          querystring: stayReportListQuery,
          response: { 200: stayReportPage },
        },
      },
      async (request) => service.listOwnReports(contextOf(request, deps), request.query),
    );
    app.get(
      '/stays/:id',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: 'One stay with its report history (own property, or stays.read in scope; audited)',
          security: keyAndSession,
          params: idParams,
          response: { 200: stayDetail },
        },
      },
      async (request) => service.getStay(contextOf(request, deps), request.params.id),
    );
    const followUps = [
      ['check-out', 'Report the check-out', checkOutRequest, service.checkOut],
      ['extension', 'Report a longer stay (new expected check-out)', extensionRequest, service.extendStay],
      ['correction', 'Correct a reported stay, with a reason (history kept)', correctionRequest, service.correctStay],
      ['cancellation', 'Cancel a stay reported in error, with a reason', cancellationRequest, service.cancelStay],
    ] as const;
    for (const [path, summary, body, run] of followUps) {
      app.post(
        `/stays/:id/${path}`,
        {
          config: { apiKey: true },
          schema: {
            tags,
            summary,
            security: keyAndSession,
            headers: idempotencyHeaders,
            params: idParams,
            body,
            response: { 200: stayReportResult },
          },
        },
        async (request) => {
          const answer = await (run as (...a: unknown[]) => Promise<service.Answer<unknown>>)(
            contextOf(request, deps),
            request.params.id,
            request.body,
            request.headers['idempotency-key'],
          );
          return answer.body as z.infer<typeof stayReportResult>;
        },
      );
    }
    app.get(
      '/persons/:id/stays',
      {
        schema: {
          tags: ['persons', 'stays'],
          summary: "A person's stays across properties (persons.read and stays.read; audited)",
          params: idParams,
          response: { 200: stayPage },
        },
      },
      async (request) => service.listPersonStays(contextOf(request, deps), request.params.id),
    );
  };
}
