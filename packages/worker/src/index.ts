export { connectRedis, redactUrl } from "./connection.ts";
export {
  type CredentialSource,
  EnvCredentialSource,
  FileCredentialSource,
} from "./credential-source.ts";
export {
  ActionQueue,
  type ActionTypes,
  type EnqueueOptions,
  enqueueAction,
  type QualifiedActions,
} from "./enqueue-action.ts";
export { WorkerError, type WorkerErrorCode } from "./errors.ts";
export type { JobData } from "./job-data.ts";
export { type PollSummary, recordJobId } from "./process-job.ts";
export { RedisStateStore } from "./redis-state-store.ts";
export { type ScheduleOptions, scheduleTrigger } from "./schedule-trigger.ts";
export { type RunningWorker, startWorker, type WorkerOptions } from "./start-worker.ts";
export { type TriggerInfo, triggerInfo } from "./trigger-info.ts";
