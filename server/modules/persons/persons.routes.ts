// HTTP for the register of foreigners: list and search, the person page, creating a person (409
// DUPLICATE_CANDIDATES when they may be on file), and the facts added later. Writes answer with the person page.
// Reads of personal data take ?purpose=, which goes to the audit log.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams } from '../../../contracts/common';
import {
  addressCreate,
  addressUpdate,
  identityClaimCreate,
  permitCreate,
  permitUpdate,
  personCreate,
  personDetail,
  personListQuery,
  personMergeCreate,
  personMergeUndo,
  personNameCreate,
  personNameUpdate,
  personPage,
  personSubParams,
  personUpdate,
  personViewQuery,
  travelDocumentCreate,
  travelDocumentUpdate,
} from '../../../contracts/persons';
import { type AppDeps, contextOf } from '../../platform/http';
import * as facts from './person-facts.service';
import * as merging from './person-merge.service';
import * as persons from './persons.service';

export function personRoutes(deps: AppDeps): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['persons'];
    app.get(
      '/persons',
      {
        schema: {
          tags,
          summary: 'List or search the register (persons.read; audited)',
          description:
            'q finds a name despite typos, word order, spacing, accents and transliteration, an exact travel document number (old ones too) or a permit number; results are ranked by relevance.',
          querystring: personListQuery,
          response: { 200: personPage },
        },
      },
      async (request) => persons.listPersons(contextOf(request, deps), request.query),
    );
    app.post(
      '/persons',
      {
        schema: {
          tags,
          summary: 'Record a foreigner (persons.write; a new sponsor also needs sponsors.write)',
          description:
            'Answers 409 DUPLICATE_CANDIDATES (with candidates and hiddenCandidates) when the person may be on file already; send confirmNewPerson: true to create anyway — except when a candidate holds the same document number and issuing state (the same person): that answers 409 DUPLICATE_DOCUMENT with the holders, to link to or merge with. A document with `mrz` is read from it and cross-checked (422 MRZ_INVALID / MRZ_MISMATCH).',
          body: personCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return persons.createPerson(contextOf(request, deps), request.body);
      },
    );
    app.get(
      '/persons/:id',
      {
        schema: {
          tags,
          summary: 'The person page (persons.read; audited with ?purpose=)',
          params: idParams,
          querystring: personViewQuery,
          response: { 200: personDetail },
        },
      },
      async (request) => persons.getPerson(contextOf(request, deps), request.params.id, request.query.purpose),
    );
    app.patch(
      '/persons/:id',
      {
        schema: {
          tags,
          summary: 'Change the chosen identity and other fields (persons.write)',
          params: idParams,
          body: personUpdate,
          response: { 200: personDetail },
        },
      },
      async (request) => persons.updatePerson(contextOf(request, deps), request.params.id, request.body),
    );

    app.post(
      '/persons/:id/claims',
      {
        schema: {
          tags,
          summary: "Record a source's version of the identity (persons.write)",
          params: idParams,
          body: identityClaimCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return facts.addIdentityClaim(contextOf(request, deps), request.params.id, request.body);
      },
    );
    app.post(
      '/persons/:id/names',
      {
        schema: {
          tags,
          summary: 'Add an alias, transliteration or document name (persons.write)',
          params: idParams,
          body: personNameCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return facts.addPersonName(contextOf(request, deps), request.params.id, request.body);
      },
    );
    app.patch(
      '/persons/:id/names/:itemId',
      {
        schema: {
          tags,
          summary: 'Correct a name other than the primary one (persons.write)',
          params: personSubParams,
          body: personNameUpdate,
          response: { 200: personDetail },
        },
      },
      async (request) =>
        facts.updatePersonName(contextOf(request, deps), request.params.id, request.params.itemId, request.body),
    );
    app.post(
      '/persons/:id/documents',
      {
        schema: {
          tags,
          summary: 'Add a travel document, typed or from its MRZ (persons.write)',
          description:
            'A newer document of the same type and issuing state supersedes the older ones. A number on file for another person answers 409 DUPLICATE_CANDIDATES.',
          params: idParams,
          body: travelDocumentCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return facts.addTravelDocument(contextOf(request, deps), request.params.id, request.body);
      },
    );
    app.patch(
      '/persons/:id/documents/:itemId',
      {
        schema: {
          tags,
          summary: 'Correct a travel document or mark it superseded (persons.write)',
          params: personSubParams,
          body: travelDocumentUpdate,
          response: { 200: personDetail },
        },
      },
      async (request) =>
        facts.updateTravelDocument(contextOf(request, deps), request.params.id, request.params.itemId, request.body),
    );
    app.post(
      '/persons/:id/permits',
      {
        schema: {
          tags,
          summary: 'Add a stay permit (persons.write)',
          params: idParams,
          body: permitCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return facts.addPermit(contextOf(request, deps), request.params.id, request.body);
      },
    );
    app.patch(
      '/persons/:id/permits/:itemId',
      {
        schema: {
          tags,
          summary: 'Change a stay permit: correct it, record the departure, cancel it (persons.write)',
          params: personSubParams,
          body: permitUpdate,
          response: { 200: personDetail },
        },
      },
      async (request) =>
        facts.updatePermit(contextOf(request, deps), request.params.id, request.params.itemId, request.body),
    );
    app.post(
      '/persons/:id/addresses',
      {
        schema: {
          tags,
          summary: 'Record a new address; the previous one ends (persons.write)',
          params: idParams,
          body: addressCreate,
          response: { 201: personDetail },
        },
      },
      async (request, reply) => {
        reply.code(201);
        return facts.addAddress(contextOf(request, deps), request.params.id, request.body);
      },
    );
    app.patch(
      '/persons/:id/addresses/:itemId',
      {
        schema: {
          tags,
          summary: 'Correct an address (persons.write)',
          params: personSubParams,
          body: addressUpdate,
          response: { 200: personDetail },
        },
      },
      async (request) =>
        facts.updateAddress(contextOf(request, deps), request.params.id, request.params.itemId, request.body),
    );
    app.post(
      '/persons/:id/merge',
      {
        schema: {
          tags,
          summary: 'Merge this record into another record of the same person (persons.write)',
          description:
            "The record's names, travel documents, permits, addresses and identity claims move to `into` with their sources; this record is marked merged (writes to it answer 409 PERSON_MERGED) and the merge can be undone. Both records must be in scope (else 404). Answers the surviving record's page.",
          params: idParams,
          body: personMergeCreate,
          response: { 200: personDetail },
        },
      },
      async (request) => merging.mergePersons(contextOf(request, deps), request.params.id, request.body),
    );
    app.post(
      '/persons/:id/merge/undo',
      {
        schema: {
          tags,
          summary: 'Undo the merge of this merged-away record (persons.write)',
          description:
            "Moves exactly the facts the merge moved back; facts added to the surviving record since stay there. 409 PERSON_NOT_MERGED, MERGE_UNDO_BLOCKED (the surviving record was merged again: undo that first) or MERGE_UNDO_NOT_EXACT (moved facts changed since the merge, listed in `changed`). Answers the restored record's page.",
          params: idParams,
          body: personMergeUndo,
          response: { 200: personDetail },
        },
      },
      async (request) => merging.undoMerge(contextOf(request, deps), request.params.id, request.body),
    );
    app.get(
      '/sponsors/:id/persons',
      {
        schema: {
          tags: ['sponsors'],
          summary: "A sponsor's foreigners (sponsors.read and persons.read; audited)",
          params: idParams,
          querystring: personListQuery.omit({ sponsorId: true }),
          response: { 200: personPage },
        },
      },
      async (request) => persons.listSponsorPersons(contextOf(request, deps), request.params.id, request.query),
    );
  };
}
