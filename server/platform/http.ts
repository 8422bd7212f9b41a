// The HTTP edge shared by all modules: the typed Fastify instance, problem+json errors,
// authentication of every /api request, and the per-request service context.
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Actor } from './access';
import type { Sealer } from './auth/secrets';
import type { Ctx } from './context';
import { AppError, toProblem } from './errors';

export type AppDeps = { config: Config; database: Database; sealer: Sealer; now?: () => Date };

export type App = FastifyInstance<
  import('node:http').Server,
  import('node:http').IncomingMessage,
  import('node:http').ServerResponse,
  import('fastify').FastifyBaseLogger,
  ZodTypeProvider
>;

/** How a route may be reached: by anyone, by a signed-in user, or also by a user who still has to change the
 * password / enrol a second factor (restricted session). */
export type RouteAccess = 'public' | 'user' | 'restricted';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** the route also answers an accommodation's API key (stay reporting); every other route refuses keys. */
    apiKey?: boolean;
  }
  interface FastifyRequest {
    actor: Actor;
    /** set when the request carried a session cookie that no longer works. */
    sessionProblem: 'SESSION_EXPIRED' | null;
    restricted: boolean;
  }
}

export function contextOf(request: FastifyRequest, deps: AppDeps): Ctx {
  return {
    actor: request.actor,
    database: deps.database,
    config: deps.config,
    log: request.log,
    requestId: String(request.id),
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    now: deps.now ?? (() => new Date()),
  };
}

export const genRequestId = () => randomUUID();

export function sendProblem(reply: FastifyReply, error: AppError, requestId: string) {
  return reply.code(error.status).type('application/problem+json').send(toProblem(error, requestId));
}

function validationProblem(error: FastifyError): AppError {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = error.validationContext ?? 'body';
    return new AppError('VALIDATION_FAILED', 'request does not match the schema', {
      errors: error.validation.map((v) => ({
        path: [
          context,
          ...String(v.instancePath ?? '')
            .split('/')
            .filter(Boolean),
        ].join('.'),
        code: String(
          v.params?.issue && typeof v.params.issue === 'object'
            ? ((v.params.issue as { code?: string }).code ?? v.keyword)
            : v.keyword,
        ),
        message: v.message ?? 'invalid',
      })),
    });
  }
  return new AppError('VALIDATION_FAILED', error.message);
}

/** Maps every error that can leave a handler to problem+json; anything unexpected becomes INTERNAL, logged. */
export function installErrorHandling(app: App) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const requestId = String(request.id);
    if (error instanceof AppError) {
      return sendProblem(reply, error, requestId);
    }
    if (hasZodFastifySchemaValidationErrors(error) || error.validation) {
      return sendProblem(reply, validationProblem(error), requestId);
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return sendProblem(reply, new AppError('INTERNAL'), requestId);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(reply, new AppError('INVALID_JSON', 'the body is not valid JSON'), requestId);
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, new AppError('PAYLOAD_TOO_LARGE', 'the body is too large'), requestId);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, new AppError('UNSUPPORTED_MEDIA_TYPE', error.message), requestId);
      default:
        break;
    }
    if (error.statusCode === 429) {
      return sendProblem(reply, new AppError('TOO_MANY_REQUESTS', 'too many requests'), requestId);
    }
    if (error instanceof SyntaxError || (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)) {
      return sendProblem(reply, new AppError('VALIDATION_FAILED', error.message), requestId);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, new AppError('INTERNAL', 'internal error'), requestId);
  });
}
