// Every module's background jobs and the schedules that enqueue them.
import { sweepSessionsJob } from './modules/auth/auth.jobs';
import { checkoutDeadlinesJob } from './modules/compliance/compliance.jobs';
import { sendNotificationMailJob } from './modules/notifications/notifications.jobs';
import { signReceiptsJob } from './modules/receipts/receipts.jobs';
import { commitImportJob } from './modules/register-import/register-import.jobs';
import { processBatchJob, reviewGuestsJob, sweepIdempotencyKeysJob } from './modules/stays/stays.jobs';
import type { JobDefinition, JobSchedule } from './platform/jobs';

export const jobDefinitions: JobDefinition[] = [
  sweepSessionsJob,
  commitImportJob,
  signReceiptsJob,
  processBatchJob,
  reviewGuestsJob,
  sweepIdempotencyKeysJob,
  sendNotificationMailJob,
  checkoutDeadlinesJob,
];

export const jobSchedules: JobSchedule[] = [
  { job: sweepSessionsJob, everyMs: 3_600_000, payload: { keepDays: 30 } },
  { job: reviewGuestsJob, everyMs: 60_000, payload: {} },
  { job: checkoutDeadlinesJob, everyMs: 3_600_000, payload: {} },
  { job: sweepIdempotencyKeysJob, everyMs: 3_600_000, payload: {} },
];
