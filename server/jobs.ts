// Every module's background jobs and the schedules that enqueue them.
import { sweepSessionsJob } from './modules/auth/auth.jobs';
import type { JobDefinition, JobSchedule } from './platform/jobs';

export const jobDefinitions: JobDefinition[] = [sweepSessionsJob];

export const jobSchedules: JobSchedule[] = [{ job: sweepSessionsJob, everyMs: 3_600_000, payload: { keepDays: 30 } }];
