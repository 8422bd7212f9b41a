// HTTP for accommodations: the public registration, the office's list/detail/verification/edits, the operator's own
// properties (and another one they register) and their API keys. GET /accommodations/me also answers an API key
// (config.apiKey).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accommodationContactUpdate,
  accommodationDetail,
  accommodationListQuery,
  accommodationPage,
  accommodationProperty,
  accommodationRegistration,
  accommodationUpdate,
  apiKeyCreate,
  apiKeyCreated,
  apiKeyItem,
  apiKeyList,
  apiKeyParams,
  ownAccommodationItem,
  ownAccommodationList,
  registrationReceived,
  statusReason,
} from '../../../contracts/accommodations';
import { idParams } from '../../../contracts/common';
import { type AppDeps, contextOf } from '../../platform/http';
import * as service from './accommodations.service';
import * as keys from './api-keys.service';

export function accommodationRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['accommodations'];
    app.post(
      '/accommodations/registrations',
      {
        // Per address and node; each registration also costs an argon2 hash, and the office reviews every one.
        config: { access: 'public', rateLimit: { max: 10, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary: 'Register an accommodation (public; pending until the office verifies it)',
          security: [],
          body: accommodationRegistration,
          response: { 202: registrationReceived },
        },
      },
      async (request, reply) => {
        reply.code(202);
        return service.registerAccommodation(contextOf(request, deps), request.body);
      },
    );
    app.get(
      '/accommodations',
      {
        schema: {
          tags,
          summary: 'Accommodations in your scope (accommodations.read)',
          querystring: accommodationListQuery,
          response: { 200: accommodationPage },
        },
      },
      async (request) => service.listAccommodations(contextOf(request, deps), request.query),
    );
    app.get(
      '/accommodations/me',
      {
        config: { apiKey: true },
        schema: {
          tags,
          summary: "Your own properties (accommodations.manage_own), or the API key's property",
          security: [{ session: [] }, { apiKey: [] }],
          response: { 200: ownAccommodationList },
        },
      },
      async (request) => service.listOwnAccommodations(contextOf(request, deps)),
    );
    app.post(
      '/accommodations/me/registrations',
      {
        // As the public registration: the office reviews every one.
        config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
        schema: {
          tags,
          summary:
            'Register another property as the operator of a verified one (accommodations.manage_own); pending, ' +
            'linked to your account at once',
          body: accommodationProperty,
          response: { 201: ownAccommodationItem },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return service.registerAnotherAccommodation(contextOf(request, deps), request.body);
      },
    );
    app.get(
      '/accommodations/:id',
      {
        schema: {
          tags,
          summary: 'One accommodation with its contact and status (accommodations.read; audited)',
          params: idParams,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.getAccommodation(contextOf(request, deps), request.params.id),
    );
    app.patch(
      '/accommodations/:id',
      {
        schema: {
          tags,
          summary: 'Change the contact of your own property (accommodations.manage_own)',
          params: idParams,
          body: accommodationContactUpdate,
          response: { 200: ownAccommodationItem },
        },
      },
      async (request) => service.updateOwnContact(contextOf(request, deps), request.params.id, request.body),
    );
    app.patch(
      '/accommodations/:id/registration',
      {
        schema: {
          tags,
          summary:
            "Change a property's registered data — name, kind, NIB, place, contact (accommodations.verify, the " +
            'office whose working area holds it; audited with old and new values)',
          params: idParams,
          body: accommodationUpdate,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.updateAccommodation(contextOf(request, deps), request.params.id, request.body),
    );
    app.post(
      '/accommodations/:id/verify',
      {
        schema: {
          tags,
          summary: "Verify a pending registration and open the operator's account (accommodations.verify)",
          params: idParams,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.verifyAccommodation(contextOf(request, deps), request.params.id),
    );
    app.post(
      '/accommodations/:id/reject',
      {
        schema: {
          tags,
          summary: 'Reject a pending registration, with a reason (accommodations.verify)',
          params: idParams,
          body: statusReason,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.rejectAccommodation(contextOf(request, deps), request.params.id, request.body.reason),
    );
    app.post(
      '/accommodations/:id/suspend',
      {
        schema: {
          tags,
          summary: 'Suspend a verified property, with a reason; its API keys stop working (accommodations.verify)',
          params: idParams,
          body: statusReason,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.suspendAccommodation(contextOf(request, deps), request.params.id, request.body.reason),
    );
    app.post(
      '/accommodations/:id/reactivate',
      {
        schema: {
          tags,
          summary: 'Reactivate a suspended property (accommodations.verify)',
          params: idParams,
          response: { 200: accommodationDetail },
        },
      },
      async (request) => service.reactivateAccommodation(contextOf(request, deps), request.params.id),
    );

    // ─── API keys ──────────────────────────────────────────────────────────────────────────────────────────────
    app.get(
      '/accommodations/:id/api-keys',
      {
        schema: {
          tags,
          summary: "Your property's API keys (accommodations.manage_own)",
          params: idParams,
          response: { 200: apiKeyList },
        },
      },
      async (request) => keys.listApiKeys(contextOf(request, deps), request.params.id),
    );
    app.post(
      '/accommodations/:id/api-keys',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Create an API key; the secret is in this answer only (accommodations.manage_own)',
          params: idParams,
          body: apiKeyCreate,
          response: { 201: apiKeyCreated },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return keys.createApiKey(contextOf(request, deps), request.params.id, request.body.name);
      },
    );
    app.post(
      '/accommodations/:id/api-keys/:keyId/revoke',
      {
        schema: {
          tags,
          summary: 'Revoke an API key at once (accommodations.manage_own)',
          params: apiKeyParams,
          response: { 200: apiKeyItem },
        },
      },
      async (request) => keys.revokeApiKey(contextOf(request, deps), request.params.id, request.params.keyId),
    );
  };
}
