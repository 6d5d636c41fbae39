import { ConfigurationError } from "./errors.ts";

const UNIT_MS = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const INTERVAL = /^([1-9][0-9]*)([smhd])$/;

/** What a valid polling interval looks like, for error messages. */
export const POLLING_INTERVAL_HINT =
  'expected a positive whole number followed by s, m, h or d, e.g. "30s", "5m", "2h", "1d"';

/** Milliseconds in a polling interval such as `"30s"`, or `undefined` when it is not one. */
export function tryParsePollingInterval(interval: unknown): number | undefined {
  if (typeof interval !== "string") return undefined;
  const match = INTERVAL.exec(interval);
  if (!match) return undefined;
  const ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
  return Number.isSafeInteger(ms) ? ms : undefined;
}

/** Parses a polling interval (`"30s"`, `"5m"`, `"2h"`, `"1d"`) into milliseconds. */
export function parsePollingInterval(interval: string): number {
  const ms = tryParsePollingInterval(interval);
  if (ms === undefined) {
    throw new ConfigurationError(
      `invalid polling_interval ${JSON.stringify(interval)}: ${POLLING_INTERVAL_HINT}`,
      { code: "config_invalid" },
    );
  }
  return ms;
}
