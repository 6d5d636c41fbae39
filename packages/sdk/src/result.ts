import type { ConnectedAccountInfo } from "./types.ts";

/** The result-format version written into every envelope: that of the Python SDK 2.0 wire format. */
export const RESULT_VERSION = "2.0.0";

/** What an envelope carries. */
export type ResultType = "action" | "action_error" | "validation_error" | "connected_account";

/** An action's output as sent to the platform; `cost_usd` is `null` when not reported. */
export interface ActionResultPayload<O = unknown> {
  data: O;
  cost_usd: number | null;
}

/** An expected failure raised by a handler through `ActionError`. */
export interface ActionErrorPayload {
  message: string;
  cost_usd: number | null;
}

/** Why inputs, credentials or output were rejected; `value` never holds credentials. */
export interface ValidationErrorPayload {
  /** Every violation with its JSON path. */
  message: string;
  /** JSON path of the first violation (`$.labels[0]`), `null` when not about one property. */
  property: string | null;
  /** The offending value of the first violation, `null` when absent or secret. */
  value: unknown;
  source: "input" | "output";
}

/** Connected-account details as sent to the platform: every field present, `null` when unknown. */
export type ConnectedAccountPayload = { [K in keyof ConnectedAccountInfo]-?: string | null };

/** The envelope of an action run: success, expected failure or rejected data. */
export type ActionOutcome<O = unknown> =
  | { version: string; type: "action"; result: ActionResultPayload<O> }
  | { version: string; type: "action_error"; result: ActionErrorPayload }
  | { version: string; type: "validation_error"; result: ValidationErrorPayload };

/** The connected-account envelope. */
export interface ConnectedAccountResult {
  version: string;
  type: "connected_account";
  result: ConnectedAccountPayload;
}

/** Every envelope the SDK returns; `JSON.stringify` gives what the Python SDK sends. */
export type IntegrationResult<O = unknown> = ActionOutcome<O> | ConnectedAccountResult;

/** A `validation_error` envelope. */
export function validationResult(payload: ValidationErrorPayload): ActionOutcome<never> {
  return { version: RESULT_VERSION, type: "validation_error", result: payload };
}

const ACCOUNT_FIELDS = [
  "email",
  "first_name",
  "last_name",
  "username",
  "user_id",
  "avatar_url",
  "organization",
] as const;

/** The connected-account envelope for `info`, with the Python SDK's field order and nulls. */
export function connectedAccountResult(info: ConnectedAccountInfo): ConnectedAccountResult {
  const result = {} as Record<(typeof ACCOUNT_FIELDS)[number], string | null>;
  for (const field of ACCOUNT_FIELDS) result[field] = info[field] ?? null;
  return { version: RESULT_VERSION, type: "connected_account", result };
}
