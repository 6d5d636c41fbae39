import path from "node:path";
import type { HttpInterceptor } from "@plugboard/sdk";
import { createHttpRecorder } from "./http-recorder.ts";
import { secretsOf } from "./redact-exchange.ts";

/** A `--record <file>` session around one command's runs. */
export interface RecordSession {
  /** The interceptors to give each run's execution context (none when not recording). */
  interceptors: HttpInterceptor[] | undefined;
  /** Hands the recorder each run's declared secret values (the registry's `onSecrets`). */
  onSecrets: ((secrets: Readonly<Record<string, string>>) => void) | undefined;
  /** Counts the runs' answered HTTP calls (the registry's `onHttpCall`), to warn of unseen ones. */
  onHttpCall: ((call: { status?: number | undefined }) => void) | undefined;
  /**
   * Saves the fixture (even after a failed run: a recorded error is a fixture too) and returns
   * its path as shown to the user, or `undefined` when not recording.
   */
  finish(recorded: string): string | undefined;
}

/**
 * Starts recording when `file` is given: every HTTP exchange the runs make, to whatever
 * origin, is recorded through an interceptor on the execution context's connections, and
 * requests still go where `--origin` sends them. Without `file` nothing is recorded.
 */
export function startRecordSession(options: {
  file: string | undefined;
  cwd: string;
  originOverrides: Record<string, string> | undefined;
  auth: unknown;
}): RecordSession {
  const { file } = options;
  if (file === undefined) {
    return {
      interceptors: undefined,
      onSecrets: undefined,
      onHttpCall: undefined,
      finish: () => undefined,
    };
  }
  const recorder = createHttpRecorder({
    originOverrides: options.originOverrides,
    secrets: secretsOf(options.auth),
  });
  const target = path.resolve(options.cwd, file);
  let httpCalls = 0;
  return {
    interceptors: [recorder.interceptor],
    onSecrets: (secrets) => recorder.redactAlso(secretsOf(secrets)),
    onHttpCall: (call) => {
      if (call.status !== undefined) httpCalls += 1;
    },
    finish: (recorded) => {
      recorder.save(target, recorded);
      const count = recorder.exchanges().length;
      const shown = path.relative(options.cwd, target) || target;
      process.stderr.write(
        `recorded ${count} HTTP exchange${count === 1 ? "" : "s"} to ${shown}\n`,
      );
      if (count === 0 && httpCalls > 0) {
        // An integration built on an SDK without interceptors makes calls the recorder never sees.
        process.stderr.write(
          `warning: the run made ${httpCalls} HTTP call${httpCalls === 1 ? "" : "s"} that were not recorded: update the integration's @plugboard/sdk\n`,
        );
      }
      return shown;
    },
  };
}
