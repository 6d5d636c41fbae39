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
  /** For `"warm"`: the integration folders to load. */
  warm?: string[];
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
  | { ok: false; failure: TaskFailure; envelope?: IntegrationResult };
