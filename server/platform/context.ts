// What every service call receives: who is asking, the database, a logger, and the request's identity.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Actor } from './access';

export type Ctx = {
  actor: Actor;
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  now: () => Date;
};
