// HTTP for the office's map of foreigners staying in its area now.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { stayMap } from '../../../contracts/stay-map';
import { type AppDeps, contextOf } from '../../platform/http';
import { getStayMap } from './stay-map.service';

export function stayMapRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/stays/now/map',
      {
        schema: {
          tags: ['stays'],
          summary:
            'Foreigners staying now on a map: regency outlines of your scope and guest counts per property (stays.read)',
          response: { 200: stayMap },
        },
      },
      async (request) => getStayMap(contextOf(request, deps)),
    );
  };
}
