// HTTP for the signed-in user's own notifications (any role).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import {
  notificationItem,
  notificationListQuery,
  notificationPage,
  readAllResult,
  unreadCount,
} from '../../../contracts/notifications';
import { type AppDeps, contextOf } from '../../platform/http';
import * as service from './notifications.service';

export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['notifications'];
    app.get(
      '/notifications',
      {
        schema: {
          tags,
          summary: 'Your notifications, unread first, newest first',
          querystring: notificationListQuery,
          response: { 200: notificationPage },
        },
      },
      async (request) => service.listOwnNotifications(contextOf(request, deps), request.query),
    );
    app.get(
      '/notifications/unread-count',
      {
        schema: {
          tags,
          summary: 'How many of your notifications are unread (the bell)',
          response: { 200: unreadCount },
        },
      },
      async (request) => service.countOwnUnread(contextOf(request, deps)),
    );
    app.post(
      '/notifications/read-all',
      { schema: { tags, summary: 'Mark all your notifications read', response: { 200: readAllResult } } },
      async (request) => service.markAllOwnRead(contextOf(request, deps)),
    );
    app.post(
      '/notifications/:id/read',
      {
        schema: {
          tags,
          summary: 'Mark one of your notifications read',
          params: idParams,
          response: { 200: notificationItem },
        },
      },
      async (request) => service.markOwnRead(contextOf(request, deps), request.params.id),
    );
  };
}
