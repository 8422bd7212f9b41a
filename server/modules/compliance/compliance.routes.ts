// HTTP for reporting compliance: the office's per-property statistics, detail and reminders, its items (stays past
// the grace period), and the operator's own stays that still need a check-out.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import {
  complianceItemPage,
  complianceItemQuery,
  compliancePropertyDetail,
  compliancePropertyPage,
  compliancePropertyQuery,
  ownOverdueList,
  reminderSent,
} from '../../../contracts/compliance';
import { type AppDeps, contextOf } from '../../platform/http';
import * as service from './compliance.service';

export function complianceRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['compliance'];
    app.get(
      '/compliance/properties',
      {
        schema: {
          tags,
          summary:
            'Accommodations in your scope with reports per month, late rate, missing check-outs and last report (compliance.read)',
          querystring: compliancePropertyQuery,
          response: { 200: compliancePropertyPage },
        },
      },
      async (request) => service.listComplianceProperties(contextOf(request, deps), request.query),
    );
    app.get(
      '/compliance/properties/:id',
      {
        schema: {
          tags,
          summary: "One property's compliance: numbers, overdue stays, reminders (compliance.read)",
          params: idParams,
          response: { 200: compliancePropertyDetail },
        },
      },
      async (request) => service.getComplianceProperty(contextOf(request, deps), request.params.id),
    );
    app.post(
      '/compliance/properties/:id/reminders',
      {
        schema: {
          tags,
          summary:
            "Send the property's operators a reminder, in the app and by e-mail (compliance.remind; once an hour per property, else 429 REMINDER_TOO_SOON)",
          params: idParams,
          response: { 201: reminderSent },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.sendReminder(contextOf(request, deps), request.params.id);
      },
    );
    app.get(
      '/compliance/items',
      {
        schema: {
          tags,
          summary: 'Stays past their expected check-out beyond the grace period, in your scope (compliance.read)',
          querystring: complianceItemQuery,
          response: { 200: complianceItemPage },
        },
      },
      async (request) => service.listComplianceItems(contextOf(request, deps), request.query),
    );
    app.get(
      '/compliance/own/overdue-stays',
      {
        schema: {
          tags,
          summary: 'Your guests past their expected check-out without a check-out report (accommodations.manage_own)',
          response: { 200: ownOverdueList },
        },
      },
      async (request) => service.listOwnOverdueStays(contextOf(request, deps)),
    );
  };
}
