// HTTP for receipts: the operator's list, one receipt (JSON or PDF) and the archive of a date range — by session or
// the property's API key — plus the public verification of a number and the published signing keys.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  publicReceiptVerification,
  receiptDetail,
  receiptListQuery,
  receiptNumberParams,
  receiptPage,
  receiptPublicKeys,
  receiptRangeQuery,
} from '../../../contracts/receipts';
import { type AppDeps, contextOf } from '../../platform/http';
import * as service from './receipts.service';

function sendFile(reply: FastifyReply, file: service.ReceiptFile, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .send(file.body);
}

/** The address this request came to (used for the QR link when PORA_PUBLIC_URL is not set). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;

export function receiptRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['receipts'];
    const security: { [label: string]: string[] }[] = [{ session: [] }, { apiKey: [] }];
    app.get(
      '/receipts',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary:
            "Receipts of your properties issued between two days, on the property's clock (accommodations.manage_own or the property's API key)",
          security,
          querystring: receiptListQuery,
          response: { 200: receiptPage },
        },
      },
      async (request) => service.listOwnReceipts(contextOf(request, deps), request.query),
    );
    app.get(
      '/receipts/archive',
      {
        config: { apiKey: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Every receipt of a date range as one PDF, with the guests (operator; audited)',
          description: `At most ${service.ARCHIVE_MAX_RECEIPTS} receipts (422 RECEIPT_ARCHIVE_TOO_LARGE): ask for a shorter range.`,
          security,
          querystring: receiptRangeQuery,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await service.ownReceiptArchive(contextOf(request, deps), request.query, originOf(request)),
          'attachment',
        ),
    );
    app.get(
      '/receipts/public-keys',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'The Ed25519 public keys that sign receipts (JWK and PEM, by key id); old keys stay listed',
          security: [],
          response: { 200: receiptPublicKeys },
        },
      },
      async (request, reply) => {
        reply.header('cache-control', 'public, max-age=3600');
        return service.listPublicKeys(contextOf(request, deps));
      },
    );
    app.get(
      '/receipts/:number.pdf',
      {
        config: { apiKey: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: "A receipt as PDF, with the guests' names and documents (operator of its property; audited)",
          security,
          params: receiptNumberParams,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) =>
        sendFile(
          reply,
          await service.ownReceiptPdf(contextOf(request, deps), request.params.number, originOf(request)),
          'inline',
        ),
    );
    app.get(
      '/receipts/:number',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: 'A receipt with its signed payload, signature and key id, for offline verification (operator)',
          security,
          params: receiptNumberParams,
          response: { 200: receiptDetail },
        },
      },
      async (request) => service.getOwnReceipt(contextOf(request, deps), request.params.number),
    );
    app.get(
      '/public/receipts/:number',
      {
        // Per address and node: a number cannot be guessed, and this keeps anyone from trying many.
        config: { access: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Check a receipt number (public): validity, dates, property and kind of report — no personal data',
          description: 'An unknown or mistyped number answers 404 RECEIPT_NOT_FOUND.',
          security: [],
          params: receiptNumberParams,
          response: { 200: publicReceiptVerification },
        },
      },
      async (request) => service.verifyReceiptPublicly(contextOf(request, deps), request.params.number),
    );
  };
}
