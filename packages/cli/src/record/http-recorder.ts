import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { HttpInterceptor } from "@plugboard/sdk";
import type { Fixture, FixtureExchange } from "@plugboard/testing";
import { decodeContent, fixtureBody } from "./fixture-body.ts";
import { type RawExchange, recordingInterceptor } from "./recording-interceptor.ts";
import { redactHeaders, redactUrl } from "./redact-exchange.ts";

/** A running recorder: give its `interceptor` to the run's context, then `save` the fixture. */
export interface HttpRecorder {
  /** The undici interceptor that records every exchange of the run, whatever its origin. */
  interceptor: HttpInterceptor;
  /** The exchanges recorded so far, in the order their requests were sent. */
  exchanges(): FixtureExchange[];
  /** Writes the fixture file whole (temp file + rename). */
  save(file: string, recorded: string): void;
  /** Redacts `values` too from exchanges recorded from now on (a run's declared secrets). */
  redactAlso(values: string[]): void;
}

/** Options of `createHttpRecorder`. */
export interface HttpRecorderOptions {
  /** The run's `--origin` overrides: an exchange with an override is recorded under the real origin. */
  originOverrides: Record<string, string> | undefined;
  /** Credential values, redacted wherever they appear (the URL's origin excepted). */
  secrets: string[];
}

// Framing that replay recomputes; the body is stored decoded, so its coding goes too.
const FRAMING = new Set(["connection", "content-length", "transfer-encoding", "keep-alive"]);

function withoutFraming(headers: Record<string, string>, drop: string[] = []) {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => !FRAMING.has(name) && !drop.includes(name)),
  );
}

/**
 * Records the HTTP exchanges of a run in-process, through an undici interceptor on the
 * execution context's connections: every origin is recorded (one named in the sources, one
 * built from the credentials or the config alike), `--origin` overrides keep working, and
 * credentials, credential headers and query parameters are redacted.
 */
export function createHttpRecorder(options: HttpRecorderOptions): HttpRecorder {
  // Longest first, so that a value containing another is redacted whole.
  let secrets = [...options.secrets];
  // An override's target origin back to the real API origin it stands for.
  const realOrigin = new Map<string, string>();
  for (const [real, local] of Object.entries(options.originOverrides ?? {})) {
    if (URL.canParse(local) && URL.canParse(real)) {
      realOrigin.set(new URL(local).origin, new URL(real).origin);
    }
  }
  const recorded: Array<{ sequence: number; exchange: FixtureExchange }> = [];

  const toFixture = (raw: RawExchange): FixtureExchange => {
    const origin = realOrigin.get(raw.origin) ?? raw.origin;
    // An override with a path prefix (`http://127.0.0.1:9/mock`) is not undone: its path stays.
    const requestType = raw.requestHeaders["content-type"] ?? "";
    const responseType = raw.responseHeaders["content-type"] ?? "";
    const coding = raw.responseHeaders["content-encoding"];
    let responseBytes = raw.responseBody;
    let dropCoding = true;
    try {
      responseBytes = decodeContent(raw.responseBody, coding);
    } catch {
      // Not decodable as announced: keep the bytes and their Content-Encoding as they came.
      dropCoding = false;
    }
    if (responseBytes === raw.responseBody && coding !== undefined && coding !== "identity") {
      dropCoding = false;
    }
    return {
      request: {
        method: raw.method,
        url: redactUrl(origin + raw.path, secrets),
        headers: redactHeaders(withoutFraming(raw.requestHeaders, ["host"]), secrets),
        ...fixtureBody(raw.requestBody, requestType, secrets),
      },
      response: {
        status: raw.status,
        headers: redactHeaders(
          withoutFraming(raw.responseHeaders, dropCoding ? ["content-encoding"] : []),
          secrets,
        ),
        ...fixtureBody(responseBytes, responseType, secrets),
      },
    };
  };

  const exchanges = () =>
    [...recorded].sort((a, b) => a.sequence - b.sequence).map((entry) => entry.exchange);

  return {
    interceptor: recordingInterceptor((raw) => {
      recorded.push({ sequence: raw.sequence, exchange: toFixture(raw) });
    }),
    exchanges,
    save(file, recordedBy) {
      const fixture: Fixture = { recorded: recordedBy, exchanges: exchanges() };
      mkdirSync(path.dirname(file), { recursive: true });
      const temp = `${file}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(fixture, null, 2)}\n`);
      renameSync(temp, file);
    },
    redactAlso(values) {
      secrets = [...new Set([...secrets, ...values])].sort((a, b) => b.length - a.length);
    },
  };
}
