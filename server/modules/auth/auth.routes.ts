// HTTP for sign-in, sessions and the current user's own account.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordRequest,
  loginRequest,
  meResponse,
  okResponse,
  recoveryCodesResponse,
  sessionsResponse,
  totpConfirmRequest,
  totpDisableRequest,
  totpEnrolmentResponse,
  updateMeRequest,
} from '../../../contracts/auth';
import { type AppDeps, contextOf } from '../../platform/http';
import * as auth from './auth.service';

const tags = ['auth'];

export function authRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const cookieOptions = (expires?: Date) => ({
      path: '/',
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: 'auto' as const,
      ...(expires ? { expires } : {}),
    });

    app.post(
      '/auth/login',
      {
        config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Sign in', body: loginRequest, response: { 200: meResponse } },
      },
      async (request, reply) => {
        const result = await auth.login(contextOf(request, deps), request.body, deps.sealer);
        reply.setCookie(auth.SESSION_COOKIE, result.token, cookieOptions(result.expiresAt));
        return result.me;
      },
    );

    app.post(
      '/auth/logout',
      { config: { access: 'restricted' }, schema: { tags, summary: 'Sign out', response: { 200: okResponse } } },
      async (request, reply) => {
        await auth.logout(contextOf(request, deps));
        reply.clearCookie(auth.SESSION_COOKIE, cookieOptions());
        return { ok: true as const };
      },
    );

    app.post(
      '/auth/logout-everywhere',
      {
        config: { access: 'restricted' },
        schema: { tags, summary: 'Sign out of every session', response: { 200: okResponse } },
      },
      async (request, reply) => {
        await auth.logoutEverywhere(contextOf(request, deps));
        reply.clearCookie(auth.SESSION_COOKIE, cookieOptions());
        return { ok: true as const };
      },
    );

    app.get(
      '/auth/sessions',
      { schema: { tags, summary: 'My active sessions', response: { 200: sessionsResponse } } },
      async (request) => ({ items: await auth.listSessions(contextOf(request, deps)) }),
    );

    app.get(
      '/me',
      { config: { access: 'restricted' }, schema: { tags, summary: 'Current user', response: { 200: meResponse } } },
      async (request) => auth.getMe(contextOf(request, deps)),
    );

    app.patch(
      '/me',
      {
        config: { access: 'restricted' },
        schema: { tags, summary: 'Update my preferences', body: updateMeRequest, response: { 200: meResponse } },
      },
      async (request) => auth.updateMe(contextOf(request, deps), request.body),
    );

    app.post(
      '/me/password',
      {
        config: { access: 'restricted', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: { tags, summary: 'Change my password', body: changePasswordRequest, response: { 200: okResponse } },
      },
      async (request) => {
        await auth.changePassword(contextOf(request, deps), request.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/totp/enrol',
      {
        config: { access: 'restricted' },
        schema: { tags, summary: 'Start two-factor enrolment', response: { 200: totpEnrolmentResponse } },
      },
      async (request) => auth.startTotpEnrolment(contextOf(request, deps), deps.sealer),
    );

    app.post(
      '/me/totp/confirm',
      {
        config: { access: 'restricted', rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Confirm two-factor enrolment with a code',
          body: totpConfirmRequest,
          response: { 200: recoveryCodesResponse },
        },
      },
      async (request) => auth.confirmTotpEnrolment(contextOf(request, deps), deps.sealer, request.body.code),
    );

    app.post(
      '/me/totp/recovery-codes',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Replace my recovery codes',
          body: totpDisableRequest,
          response: { 200: recoveryCodesResponse },
        },
      },
      async (request) => auth.regenerateRecoveryCodes(contextOf(request, deps), request.body.password),
    );

    app.post(
      '/me/totp/disable',
      {
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Switch two-factor sign-in off',
          body: totpDisableRequest,
          response: { 200: okResponse },
        },
      },
      async (request) => {
        await auth.disableTotp(contextOf(request, deps), request.body.password);
        return { ok: true as const };
      },
    );
  };
}
