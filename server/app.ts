// Builds the Fastify app from the modules: used by main.ts and by the tests.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import scalar from '@scalar/fastify-api-reference';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import helmet, { type HelmetOptions } from 'helmet';
import { healthResponse } from '../contracts/health';
import { authenticateApiKey, presentedApiKey, rateLimitOf } from './modules/accommodations/api-keys.service';
import { authenticateSession, SESSION_COOKIE } from './modules/auth/auth.service';
import { apiModules } from './modules/routes';
import { AppError } from './platform/errors';
import { type App, type AppDeps, genRequestId, installErrorHandling, sendProblem } from './platform/http';
import { version } from './version';

export const API_PREFIX = '/api/v1';
const webDist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../web/dist');

export type AppState = { ready: boolean };

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(
  deps: AppDeps,
  opts: { logger?: FastifyBaseLogger | false; state?: AppState; rateLimit?: boolean } = {},
): Promise<App> {
  const state = opts.state ?? { ready: true };
  const app = Fastify({
    ...(opts.logger ? { loggerInstance: opts.logger } : { logger: false }),
    genReqId: genRequestId,
    requestIdHeader: false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: deps.config.bodyLimitBytes,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>() as unknown as App;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  // The same security headers on every answer, worked out once: @fastify/helmet built helmet's middleware again for
  // every request (~50 µs each, measured in the check-in benchmark).
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(fastifyCookie);
  // Per node and in memory: a first, cheap layer. The sign-in throttle that every node shares is in the database.
  await app.register(fastifyRateLimit, {
    global: opts.rateLimit !== false,
    ...(opts.rateLimit === false ? { allowList: () => true } : {}),
    // per address; higher for a property-management system sending with its API key (docs/operations.md)
    max: (request) => rateLimitOf(deps.database, request.headers),
    timeWindow: '1 minute',
    errorResponseBuilder: (_req, ctx) =>
      new AppError('TOO_MANY_REQUESTS', 'too many requests', { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) }),
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'PORA API',
        version,
        description:
          'API of PORA, the information system of TIM PORA (Tim Pengawasan Orang Asing). Errors are application/problem+json with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          // An accommodation's key (pora_ak_…), also accepted as X-API-Key; only on the routes that say so.
          apiKey: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });

  app.decorateRequest('actor', null as never);
  app.decorateRequest('sessionProblem', null);
  app.decorateRequest('restricted', false);

  app.addHook('onRequest', async (request, reply) => {
    request.actor = { kind: 'anonymous' };
    if (!request.url.startsWith('/api/')) {
      return;
    }
    reply.header('cache-control', 'no-store');
    if (!state.ready && !request.url.startsWith(`${API_PREFIX}/health`)) {
      throw new AppError('NOT_READY', 'the database is being prepared');
    }
    if (unsafeMethods.has(request.method)) {
      // SameSite=Strict keeps the cookie off cross-site requests; refusing foreign origins is the second lock.
      const site = request.headers['sec-fetch-site'];
      const origin = request.headers.origin;
      if (site === 'cross-site' || (origin && new URL(origin).host !== request.headers.host)) {
        throw new AppError('CSRF_REJECTED', 'cross-site request refused');
      }
    }
  });
  // Credentials are checked after the onRequest hooks of the route — the rate limit's among them — so that a flood of
  // made-up keys or forged session cookies counts against its address like any other request (before the body is read).
  app.addHook('preParsing', async (request) => {
    if (!request.url.startsWith('/api/')) {
      return;
    }
    const apiKey = presentedApiKey(request.headers);
    const token = request.cookies[SESSION_COOKIE];
    if (apiKey !== undefined) {
      // A key speaks for its property alone, so a session cookie sent along is ignored.
      request.actor = await authenticateApiKey(deps.database, apiKey, new Date());
    } else if (token) {
      const session =
        token.length <= 100 ? await authenticateSession(deps.database, deps.config, token, new Date()) : undefined;
      if (session) {
        request.actor = session.actor;
        request.restricted = session.restricted;
      } else {
        request.sessionProblem = 'SESSION_EXPIRED';
      }
    }
    const access = request.routeOptions.config?.access ?? 'user';
    if (access === 'public' || request.is404 || !request.url.startsWith(`${API_PREFIX}/`)) {
      return;
    }
    if (request.actor.kind === 'anonymous') {
      throw new AppError(request.sessionProblem ?? 'UNAUTHENTICATED');
    }
    if (request.actor.kind === 'accommodation_key' && request.routeOptions.config?.apiKey !== true) {
      throw new AppError('API_KEY_NOT_ALLOWED', 'this endpoint does not accept API keys');
    }
    if (access === 'user' && request.restricted) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', 'finish setting up your account first');
    }
  });

  await app.register(
    async (api) => {
      api.get(
        '/health',
        {
          config: { access: 'public' },
          schema: { tags: ['health'], summary: 'Liveness and readiness', response: { 200: healthResponse } },
        },
        async () => ({
          status: 'ok' as const,
          version,
          database: deps.database.mode,
          ready: state.ready,
          time: new Date().toISOString(),
        }),
      );
      api.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
      for (const register of apiModules) {
        await api.register(register(deps));
      }
    },
    { prefix: API_PREFIX },
  );

  await app.register(scalar, {
    routePrefix: '/api/docs',
    configuration: { url: `${API_PREFIX}/openapi.json`, title: 'PORA API' },
    hooks: {
      onRequest: async (_request, reply) => {
        // The reference page needs its own inline bootstrap; it carries no session-bearing actions.
        reply.header('content-security-policy', "default-src 'self' 'unsafe-inline' data: blob:");
      },
    },
  });

  const hasWeb = existsSync(path.join(webDist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false });
  }
  app.setNotFoundHandler(async (request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !hasWeb) {
      return sendProblem(reply, new AppError('NOT_FOUND', 'no such resource'), String(request.id));
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile('index.html');
  });

  return app;
}

/** The headers helmet sets with these options (it sets the same ones on every response). */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  helmet(options)({} as never, response as never, () => undefined);
  return headers;
}
