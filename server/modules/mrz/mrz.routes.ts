// HTTP for reading a machine-readable zone: nothing is stored, so nothing is audited.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { mrzParseRequest, mrzParseResponse } from '../../../contracts/mrz';
import type { AppDeps } from '../../platform/http';
import { parseMrz } from './mrz';

export function mrzRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/mrz/parse',
      {
        schema: {
          tags: ['mrz'],
          summary: 'Read the machine-readable zone of a passport, ID card or visa (ICAO 9303)',
          description:
            'Accepts TD1, TD2, TD3, MRV-A and MRV-B text as pasted or produced by a scanner app. Every check digit is reported; characters commonly confused by OCR are flagged, never changed.',
          body: mrzParseRequest,
          response: { 200: mrzParseResponse },
        },
      },
      async (request) => parseMrz(request.body.text, { now: deps.now?.() ?? new Date() }),
    );
  };
}
