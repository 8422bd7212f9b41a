// HTTP for code tables: public, read-only.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { codeTable, codeTableList, codeTableParams } from '../../../contracts/code-tables';
import type { AppDeps } from '../../platform/http';
import { getCodeTable, listCodeTables } from './code-tables.service';

const tags = ['code-tables'];

export function codeTableRoutes(_deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/code-tables',
      {
        config: { access: 'public' },
        schema: { tags, summary: 'Code tables and their versions', response: { 200: codeTableList } },
      },
      async () => ({ items: listCodeTables() }),
    );

    app.get(
      '/code-tables/:name',
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: 'One code table with its labels',
          params: codeTableParams,
          response: { 200: codeTable },
        },
      },
      async (request) => getCodeTable(request.params.name),
    );
  };
}
