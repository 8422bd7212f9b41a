// HTTP for sponsors (penjamin). Archive instead of delete. A sponsor's foreigners are listed by the persons module
// (GET /sponsors/:id/persons), which owns the register's search and its audit.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import { personViewQuery } from '../../../contracts/persons';
import { sponsorCreate, sponsorItem, sponsorListQuery, sponsorPage, sponsorUpdate } from '../../../contracts/sponsors';
import { type AppDeps, contextOf } from '../../platform/http';
import * as sponsors from './sponsors.service';

export function sponsorRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['sponsors'];
    app.get(
      '/sponsors',
      {
        schema: {
          tags,
          summary: 'List sponsors I can see (sponsors.read; audited)',
          querystring: sponsorListQuery,
          response: { 200: sponsorPage },
        },
      },
      async (request) => sponsors.listSponsors(contextOf(request, deps), request.query),
    );
    app.post(
      '/sponsors',
      {
        schema: {
          tags,
          summary: 'Record a sponsor (sponsors.write)',
          body: sponsorCreate,
          response: { 201: sponsorItem },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return sponsors.createSponsor(contextOf(request, deps), request.body);
      },
    );
    app.get(
      '/sponsors/:id',
      {
        schema: {
          tags,
          summary: 'One sponsor (sponsors.read; audited with ?purpose=)',
          params: idParams,
          querystring: personViewQuery,
          response: { 200: sponsorItem },
        },
      },
      async (request) => sponsors.getSponsor(contextOf(request, deps), request.params.id, request.query.purpose),
    );
    app.patch(
      '/sponsors/:id',
      {
        schema: {
          tags,
          summary: 'Change a sponsor (sponsors.write)',
          params: idParams,
          body: sponsorUpdate,
          response: { 200: sponsorItem },
        },
      },
      async (request) => sponsors.updateSponsor(contextOf(request, deps), request.params.id, request.body),
    );
    app.post(
      '/sponsors/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive a sponsor (sponsors.write)',
          params: idParams,
          response: { 200: sponsorItem },
        },
      },
      async (request) => sponsors.setSponsorArchived(contextOf(request, deps), request.params.id, true),
    );
    app.post(
      '/sponsors/:id/unarchive',
      {
        schema: {
          tags,
          summary: 'Bring an archived sponsor back (sponsors.write)',
          params: idParams,
          response: { 200: sponsorItem },
        },
      },
      async (request) => sponsors.setSponsorArchived(contextOf(request, deps), request.params.id, false),
    );
  };
}
