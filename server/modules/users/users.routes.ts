// HTTP for user administration. Reads need users.read and are audited; writes need users.manage.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import {
  passwordResetResult,
  userCreate,
  userCreated,
  userItem,
  userListQuery,
  userPage,
  userUpdate,
} from '../../../contracts/users';
import { type AppDeps, contextOf } from '../../platform/http';
import * as users from './users.service';

const tags = ['users'];

export function userRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/users',
      {
        schema: {
          tags,
          summary: 'List users of agencies in my scope (users.read; audited)',
          querystring: userListQuery,
          response: { 200: userPage },
        },
      },
      async (request) => users.listUsers(contextOf(request, deps), request.query),
    );

    app.post(
      '/users',
      {
        schema: {
          tags,
          summary: 'Create a user with a one-time password (users.manage)',
          body: userCreate,
          response: { 201: userCreated },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return users.createUser(contextOf(request, deps), request.body);
      },
    );

    app.get(
      '/users/:id',
      {
        schema: { tags, summary: 'One user (users.read; audited)', params: idParams, response: { 200: userItem } },
      },
      async (request) => users.getUser(contextOf(request, deps), request.params.id),
    );

    app.patch(
      '/users/:id',
      {
        schema: {
          tags,
          summary: "Change a user's name, agency, roles or status (users.manage)",
          params: idParams,
          body: userUpdate,
          response: { 200: userItem },
        },
      },
      async (request) => users.updateUser(contextOf(request, deps), request.params.id, request.body),
    );

    app.post(
      '/users/:id/archive',
      {
        schema: {
          tags,
          summary: 'Archive a user and end their sessions (users.manage)',
          params: idParams,
          response: { 200: userItem },
        },
      },
      async (request) => users.setUserArchived(contextOf(request, deps), request.params.id, true),
    );

    app.post(
      '/users/:id/unarchive',
      {
        schema: {
          tags,
          summary: 'Bring an archived user back, disabled (users.manage)',
          params: idParams,
          response: { 200: userItem },
        },
      },
      async (request) => users.setUserArchived(contextOf(request, deps), request.params.id, false),
    );

    app.post(
      '/users/:id/reset-password',
      {
        schema: {
          tags,
          summary: 'Give a user a new one-time password and end their sessions (users.manage)',
          params: idParams,
          response: { 200: passwordResetResult },
        },
      },
      async (request) => users.resetUserPassword(contextOf(request, deps), request.params.id),
    );

    app.post(
      '/users/:id/reset-totp',
      {
        schema: {
          tags,
          summary: "Clear a user's second factor and end their sessions (users.manage)",
          params: idParams,
          response: { 200: userItem },
        },
      },
      async (request) => users.resetUserTotp(contextOf(request, deps), request.params.id),
    );
  };
}
