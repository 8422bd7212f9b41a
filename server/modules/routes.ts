// Every module's HTTP routes, mounted under /api/v1 by app.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../platform/http';
import { accommodationRoutes } from './accommodations/accommodations.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { codeTableRoutes } from './code-tables/code-tables.routes';
import { complianceRoutes } from './compliance/compliance.routes';
import { mrzRoutes } from './mrz/mrz.routes';
import { notificationRoutes } from './notifications/notifications.routes';
import { orgRoutes } from './orgs/orgs.routes';
import { personRoutes } from './persons/persons.routes';
import { receiptRoutes } from './receipts/receipts.routes';
import { regionRoutes } from './regions/regions.routes';
import { registerImportRoutes } from './register-import/register-import.routes';
import { sponsorRoutes } from './sponsors/sponsors.routes';
import { stayMapRoutes } from './stays/stay-map.routes';
import { stayRoutes } from './stays/stays.routes';
import { userRoutes } from './users/users.routes';

export const apiModules: ((deps: AppDeps) => FastifyPluginAsyncZod)[] = [
  authRoutes,
  regionRoutes,
  codeTableRoutes,
  orgRoutes,
  userRoutes,
  auditRoutes,
  mrzRoutes,
  registerImportRoutes,
  personRoutes,
  sponsorRoutes,
  accommodationRoutes,
  stayRoutes,
  stayMapRoutes,
  receiptRoutes,
  notificationRoutes,
  complianceRoutes,
];
