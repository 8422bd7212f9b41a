// The audit log as the auditor sees it: a filtered list, newest first, and the verification of the hash chain.
import { z } from 'zod';
import { pageOf, pageQuery } from './common';

export const auditListQuery = pageQuery
  .extend({
    actorId: z.uuid().optional(),
    /** "agency." lists every agency action; "agency.create" just that one */
    action: z
      .string()
      .regex(/^[a-z0-9_.]{1,100}$/, 'awalan aksi tidak sah')
      .optional(),
    objectType: z
      .string()
      .regex(/^[a-z0-9_]{1,50}$/, 'jenis objek tidak sah')
      .optional(),
    objectId: z.string().trim().min(1).max(100).optional(),
    /** instants with offset, e.g. 2026-01-31T00:00:00+07:00; from inclusive, to exclusive */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .refine((q) => !q.from || !q.to || Date.parse(q.from) <= Date.parse(q.to), {
    message: 'rentang waktu terbalik',
    path: ['to'],
  });
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const auditItem = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorKind: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  agencyId: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  purpose: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditItem = z.infer<typeof auditItem>;
export const auditPage = pageOf(auditItem);

export const auditVerification = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), rows: z.number().int(), lastSeq: z.number().int() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    /** the first row that was changed, removed or inserted */
    firstBadSeq: z.number().int(),
    problem: z.enum(['changed', 'missing', 'broken_link']),
  }),
]);
export type AuditVerificationResult = z.infer<typeof auditVerification>;
