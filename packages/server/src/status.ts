import type { IntegrationResult } from "@plugboard/sdk";

/**
 * The HTTP status of an envelope: `action` and `connected_account` 200; `action_error` 422 (the
 * handler refused, as it documents); `validation_error` 400 when the caller's inputs or
 * credentials were rejected, 502 when the handler's own output was.
 */
export function envelopeStatus(envelope: IntegrationResult): 200 | 400 | 422 | 502 {
  switch (envelope.type) {
    case "action":
    case "connected_account":
      return 200;
    case "action_error":
      return 422;
    case "validation_error":
      return envelope.result.source === "output" ? 502 : 400;
  }
}
