import path from "node:path";
import { fail } from "../terminal.ts";
import { findSourceOrigins } from "./find-origins.ts";
import { type HttpRecorder, startHttpRecorder } from "./http-recorder.ts";
import { secretsOf } from "./redact-exchange.ts";

/** A `--record <file>` session around one command's runs. */
export interface RecordSession {
  /** The overrides the runs use: intercepted origins through the recorder, others as given. */
  originOverrides: Record<string, string> | undefined;
  /** Saves the fixture (even after a failed run: a recorded error is a fixture too). */
  finish(recorded: string): Promise<void>;
}

/**
 * Starts recording when `file` is given: every origin the integration's sources name, every
 * `--origin` key and every `--record-origin` goes through a local recorder. Without `file`
 * the overrides pass through untouched.
 */
export async function startRecordSession(options: {
  file: string | undefined;
  cwd: string;
  integrationDir: string;
  originOverrides: Record<string, string> | undefined;
  extraOrigins: string[] | undefined;
  auth: unknown;
}): Promise<RecordSession> {
  const { file } = options;
  if (file === undefined) {
    return { originOverrides: options.originOverrides, finish: async () => {} };
  }
  const origins = [
    ...new Set([
      ...findSourceOrigins(options.integrationDir),
      ...Object.keys(options.originOverrides ?? {}),
      ...(options.extraOrigins ?? []).map((origin) => new URL(origin).origin),
    ]),
  ];
  const recorder: HttpRecorder = await startHttpRecorder({
    origins,
    upstream: options.originOverrides,
    secrets: secretsOf(options.auth),
  });
  const target = path.resolve(options.cwd, file);
  return {
    originOverrides: { ...options.originOverrides, ...recorder.originOverrides },
    finish: async (recorded) => {
      await recorder.close();
      recorder.save(target, recorded);
      const count = recorder.exchanges.length;
      process.stderr.write(
        `recorded ${count} HTTP exchange${count === 1 ? "" : "s"} to ${path.relative(options.cwd, target) || target}\n`,
      );
      if (count === 0 && origins.length === 0) {
        fail(
          "run",
          "no API origin found in the sources to record: pass --record-origin <https://api…>",
        );
      }
    },
  };
}
