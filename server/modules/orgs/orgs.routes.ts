// HTTP for offices, agencies, TIM PORA teams and team members. Archive instead of delete: POST …/archive and
// …/unarchive. Only a team membership is removed (DELETE), and its audit row keeps what it was.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../contracts/auth';
import { idParams } from '../../../contracts/common';
import {
  agencyCreate,
  agencyItem,
  agencyListQuery,
  agencyPage,
  agencyUpdate,
  officeCreate,
  officeItem,
  officeListQuery,
  officePage,
  officeUpdate,
  teamCreate,
  teamDetail,
  teamListQuery,
  teamMemberCreate,
  teamMemberItem,
  teamMemberList,
  teamMemberParams,
  teamMemberUpdate,
  teamPage,
  teamUpdate,
} from '../../../contracts/orgs';
import { type AppDeps, contextOf } from '../../platform/http';
import * as agencies from './agencies.service';
import * as offices from './offices.service';
import * as teams from './teams.service';

export function orgRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    // ─── Offices ───────────────────────────────────────────────────────────────────────────────────────────────
    {
      const tags = ['offices'];
      app.get(
        '/offices',
        {
          schema: {
            tags,
            summary: 'List immigration offices (orgs.read)',
            querystring: officeListQuery,
            response: { 200: officePage },
          },
        },
        async (request) => offices.listOffices(contextOf(request, deps), request.query),
      );
      app.post(
        '/offices',
        {
          schema: {
            tags,
            summary: 'Create an office (offices.manage)',
            body: officeCreate,
            response: { 201: officeItem },
          },
        },
        async (request, reply) => {
          reply.code(201);
          return offices.createOffice(contextOf(request, deps), request.body);
        },
      );
      app.get(
        '/offices/:id',
        { schema: { tags, summary: 'One office (orgs.read)', params: idParams, response: { 200: officeItem } } },
        async (request) => offices.getOffice(contextOf(request, deps), request.params.id),
      );
      app.patch(
        '/offices/:id',
        {
          schema: {
            tags,
            summary: 'Change an office (offices.manage)',
            params: idParams,
            body: officeUpdate,
            response: { 200: officeItem },
          },
        },
        async (request) => offices.updateOffice(contextOf(request, deps), request.params.id, request.body),
      );
      app.post(
        '/offices/:id/archive',
        {
          schema: {
            tags,
            summary: 'Archive an office (offices.manage)',
            params: idParams,
            response: { 200: officeItem },
          },
        },
        async (request) => offices.setOfficeArchived(contextOf(request, deps), request.params.id, true),
      );
      app.post(
        '/offices/:id/unarchive',
        {
          schema: {
            tags,
            summary: 'Bring an archived office back (offices.manage)',
            params: idParams,
            response: { 200: officeItem },
          },
        },
        async (request) => offices.setOfficeArchived(contextOf(request, deps), request.params.id, false),
      );
    }

    // ─── Agencies ──────────────────────────────────────────────────────────────────────────────────────────────
    {
      const tags = ['agencies'];
      app.get(
        '/agencies',
        {
          schema: {
            tags,
            summary: 'List agencies whose jurisdiction overlaps my scope (orgs.read)',
            querystring: agencyListQuery,
            response: { 200: agencyPage },
          },
        },
        async (request) => agencies.listAgencies(contextOf(request, deps), request.query),
      );
      app.post(
        '/agencies',
        {
          schema: {
            tags,
            summary: 'Create an agency in my scope (agencies.manage)',
            body: agencyCreate,
            response: { 201: agencyItem },
          },
        },
        async (request, reply) => {
          reply.code(201);
          return agencies.createAgency(contextOf(request, deps), request.body);
        },
      );
      app.get(
        '/agencies/:id',
        { schema: { tags, summary: 'One agency (orgs.read)', params: idParams, response: { 200: agencyItem } } },
        async (request) => agencies.getAgency(contextOf(request, deps), request.params.id),
      );
      app.patch(
        '/agencies/:id',
        {
          schema: {
            tags,
            summary: 'Change an agency (agencies.manage)',
            params: idParams,
            body: agencyUpdate,
            response: { 200: agencyItem },
          },
        },
        async (request) => agencies.updateAgency(contextOf(request, deps), request.params.id, request.body),
      );
      app.post(
        '/agencies/:id/archive',
        {
          schema: {
            tags,
            summary: 'Archive an agency (agencies.manage)',
            params: idParams,
            response: { 200: agencyItem },
          },
        },
        async (request) => agencies.setAgencyArchived(contextOf(request, deps), request.params.id, true),
      );
      app.post(
        '/agencies/:id/unarchive',
        {
          schema: {
            tags,
            summary: 'Bring an archived agency back (agencies.manage)',
            params: idParams,
            response: { 200: agencyItem },
          },
        },
        async (request) => agencies.setAgencyArchived(contextOf(request, deps), request.params.id, false),
      );
    }

    // ─── Teams and members ─────────────────────────────────────────────────────────────────────────────────────
    {
      const tags = ['teams'];
      app.get(
        '/teams',
        {
          schema: {
            tags,
            summary: 'List TIM PORA teams I can see (orgs.read)',
            querystring: teamListQuery,
            response: { 200: teamPage },
          },
        },
        async (request) => teams.listTeams(contextOf(request, deps), request.query),
      );
      app.post(
        '/teams',
        {
          schema: {
            tags,
            summary: 'Create a team (teams.manage)',
            body: teamCreate,
            response: { 201: teamDetail },
          },
        },
        async (request, reply) => {
          reply.code(201);
          return teams.createTeam(contextOf(request, deps), request.body);
        },
      );
      app.get(
        '/teams/:id',
        {
          schema: {
            tags,
            summary: 'One team with its members (orgs.read)',
            params: idParams,
            response: { 200: teamDetail },
          },
        },
        async (request) => teams.getTeam(contextOf(request, deps), request.params.id),
      );
      app.patch(
        '/teams/:id',
        {
          schema: {
            tags,
            summary: 'Change a team (teams.manage)',
            params: idParams,
            body: teamUpdate,
            response: { 200: teamDetail },
          },
        },
        async (request) => teams.updateTeam(contextOf(request, deps), request.params.id, request.body),
      );
      app.post(
        '/teams/:id/archive',
        {
          schema: { tags, summary: 'Archive a team (teams.manage)', params: idParams, response: { 200: teamDetail } },
        },
        async (request) => teams.setTeamArchived(contextOf(request, deps), request.params.id, true),
      );
      app.post(
        '/teams/:id/unarchive',
        {
          schema: {
            tags,
            summary: 'Bring an archived team back (teams.manage)',
            params: idParams,
            response: { 200: teamDetail },
          },
        },
        async (request) => teams.setTeamArchived(contextOf(request, deps), request.params.id, false),
      );
      app.get(
        '/teams/:id/members',
        {
          schema: {
            tags,
            summary: "A team's member agencies (orgs.read)",
            params: idParams,
            response: { 200: teamMemberList },
          },
        },
        async (request) => teams.listTeamMembers(contextOf(request, deps), request.params.id),
      );
      app.post(
        '/teams/:id/members',
        {
          schema: {
            tags,
            summary: 'Add a member agency (teams.manage)',
            params: idParams,
            body: teamMemberCreate,
            response: { 201: teamMemberItem },
          },
        },
        async (request, reply) => {
          reply.code(201);
          return teams.addTeamMember(contextOf(request, deps), request.params.id, request.body);
        },
      );
      app.patch(
        '/teams/:id/members/:memberId',
        {
          schema: {
            tags,
            summary: "Change a member's role or liaison officer (teams.manage)",
            params: teamMemberParams,
            body: teamMemberUpdate,
            response: { 200: teamMemberItem },
          },
        },
        async (request) =>
          teams.updateTeamMember(contextOf(request, deps), request.params.id, request.params.memberId, request.body),
      );
      app.delete(
        '/teams/:id/members/:memberId',
        {
          schema: {
            tags,
            summary: 'Remove a member agency (teams.manage)',
            params: teamMemberParams,
            response: { 200: okResponse },
          },
        },
        async (request) => {
          await teams.removeTeamMember(contextOf(request, deps), request.params.id, request.params.memberId);
          return { ok: true as const };
        },
      );
    }
  };
}
