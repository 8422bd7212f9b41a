// HTTP for areas (public reference data).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { regionCodeParams, regionDetail, regionListQuery, regionListResponse } from '../../../contracts/regions';
import type { AppDeps } from '../../platform/http';
import * as regions from './regions.service';

const tags = ['regions'];

export function regionRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/regions',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'Search areas by name, or list the children of an area',
          querystring: regionListQuery,
          response: { 200: regionListResponse },
        },
      },
      async (request) => ({ items: await regions.listRegions(deps.database.db, request.query) }),
    );

    app.get(
      '/regions/:code',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One area with its ancestors',
          params: regionCodeParams,
          response: { 200: regionDetail },
        },
      },
      async (request) => regions.getRegion(deps.database.db, request.params.code),
    );
  };
}
