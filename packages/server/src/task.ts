import type { IntegrationResult, PollingRecord } from "@plugboard/sdk";
import type { ServerErrorCode } from "./errors.ts";

/** What the pool sends a worker: one call, with only the data that execution may see. */
export interface Task {
  /** `"warm"` loads every folder of `warm` and runs nothing. */
  kind: "action" | "trigger" | "connected_account" | "warm";
  /** The integration folder; the worker loads it on first use and keeps it. */
  dir: string;
  /** `"build"`: run `dist/index.js` when present; `"source"`: always `src/index.ts` via tsx. */
  prefer: "build" | "source";
  /** The action or trigger name (unused for `connected_account`). */
  name: string;
  inputs: unknown;
  auth: Record<string, unknown> | undefined;
  /** Only the secret keys this action or trigger declares. */
  secrets: Record<string, string>;
  lastPollTs: string | null;
  originOverrides: Record<string, string> | undefined;
  /** Anything the caller passes along (a trigger's `state`), as `context.metadata`. */
  metadata: Record<string, unknown> | undefined;
  /**
   * `"json"`: answer an action's envelope serialized, with its HTTP status, so the server
   * thread neither rebuilds the object nor stringifies it (a string crosses threads cheaply).
   */
  reply?: "json";
  /** For `"warm"`: the integration folders to load. */
  warm?: string[];
  /** The caller's row in `WorkerSetup.running`, where the worker notes its thread id; -1 for none. */
  slot: number;
  /** When the call's time is up (epoch ms; 0 for never): a worker reaching it later runs nothing. */
  deadline: number;
}

/** The argument that carries `WorkerSetup` to a child-process worker (no shared memory there). */
export const SETUP_ARG = "--plugboard-worker-setup";

/**
 * What every worker is given when it starts (Piscina's `workerData` for threads, an argument
 * for Tinypool's child processes), so that it loads the integrations before taking calls —
 * replacements of a stopped worker included.
 */
export interface WorkerSetup {
  /** Integration folders to load at start. */
  warm: string[];
  prefer: "build" | "source";
  /**
   * Threads only: one row per slot holding the thread id of the worker running that slot's
   * call (0 while none), so the executor can stop exactly that worker when the call times out.
   */
  running?: Int32Array;
}

/** A failure reported by a worker, already redacted by the execution context. */
export interface TaskFailure {
  code: ServerErrorCode;
  message: string;
  retryAfter?: number;
}

/** What a worker answers: the envelope or records, or a failure. */
export type TaskOutcome =
  | { ok: true; result: IntegrationResult }
  | { ok: true; records: PollingRecord[] }
  | { ok: true; warmed: number }
  | { ok: true; json: string; status: 200 | 400 | 422 | 502 }
  | { ok: false; failure: TaskFailure; envelope?: IntegrationResult };
