// HTTP for the audit log: list with filters and verify the hash chain (audit.read).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditListQuery, auditPage, auditVerification } from '../../../contracts/audit';
import { type AppDeps, contextOf } from '../../platform/http';
import * as audit from './audit.service';

const tags = ['audit'];

export function auditRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit',
      {
        schema: {
          tags,
          summary: 'The audit log, newest first (audit.read; the listing is audited too)',
          querystring: auditListQuery,
          response: { 200: auditPage },
        },
      },
      async (request) => audit.listAuditLog(contextOf(request, deps), request.query),
    );

    app.get(
      '/audit/verify',
      {
        schema: {
          tags,
          summary: 'Verify the hash chain of the audit log (audit.read)',
          response: { 200: auditVerification },
        },
      },
      async (request) => audit.verifyAuditLog(contextOf(request, deps)),
    );
  };
}
