// Every module's HTTP routes, mounted under /api/v1 by app.ts.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../platform/http';
import { authRoutes } from './auth/auth.routes';
import { regionRoutes } from './regions/regions.routes';

export const apiModules: ((deps: AppDeps) => FastifyPluginAsyncZod)[] = [authRoutes, regionRoutes];
