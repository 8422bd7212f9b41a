// Every module's HTTP routes, mounted under /api/v1 by app.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../platform/http';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { codeTableRoutes } from './code-tables/code-tables.routes';
import { mrzRoutes } from './mrz/mrz.routes';
import { orgRoutes } from './orgs/orgs.routes';
import { personRoutes } from './persons/persons.routes';
import { regionRoutes } from './regions/regions.routes';
import { sponsorRoutes } from './sponsors/sponsors.routes';
import { userRoutes } from './users/users.routes';

export const apiModules: ((deps: AppDeps) => FastifyPluginAsyncZod)[] = [
  authRoutes,
  regionRoutes,
  codeTableRoutes,
  orgRoutes,
  userRoutes,
  auditRoutes,
  mrzRoutes,
  personRoutes,
  sponsorRoutes,
];
