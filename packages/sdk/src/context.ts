import { ConnectionPool, type HttpInterceptor } from "./connection-pool.ts";
import { type AuthInput, resolveAuth } from "./credentials.ts";
import {
  type ContextFetch,
  createContextFetch,
  DEFAULT_MAX_RESPONSE_BYTES,
  defaultRetryDelay,
} from "./fetch.ts";
import type { HttpCall, RequestConfig } from "./fetch-types.ts";
import { type Logger, scrubbedLogger, silentLogger } from "./logger.ts";
import { type Paginated, type PaginateOptions, paginate } from "./paginate.ts";
import { REDACTED, Redactor } from "./redact.ts";
import type { SecretValues } from "./secrets.ts";

/** Options of an `ExecutionContext`. */
export interface ExecutionContextOptions {
  /** Credentials, flat (`{ api_key }`) or wrapped (`{ auth_type, credentials }`). */
  auth?: AuthInput;
  /**
   * Operator-held secret values by key, for the secrets the action declares (config.json
   * `secrets`); every value is redacted from logs and errors like a credential.
   */
  secrets?: Record<string, string>;
  /** Retries, timeout and back-off of `context.fetch`. */
  requestConfig?: RequestConfig;
  /** Anything the platform passes along to handlers. */
  metadata?: Record<string, unknown>;
  /** Receives the SDK's and handlers' log lines, secrets redacted; silent by default. */
  logger?: Logger;
  /** Maps a real API origin to a test origin, e.g. `{ "https://api.notion.com": "http://127.0.0.1:41234" }`. */
  originOverrides?: Record<string, string>;
  /** Called after each HTTP attempt, secrets redacted. */
  onHttpCall?: (call: HttpCall) => void;
  /**
   * undici interceptors every request goes through (after origin overrides and auth), e.g.
   * `plugboard run --record`'s recorder. They see credentials: only trusted code belongs here.
   */
  interceptors?: HttpInterceptor[];
  /** Closes the context when it aborts: requests in flight and retry back-offs fail at once. */
  signal?: AbortSignal;
}

/**
 * What a handler gets besides its inputs: credentials, declared secrets, an authenticated
 * `fetch` and a logger.
 */
export class ExecutionContext<C = Record<string, unknown>, S = SecretValues> {
  /** The credentials exactly as given (flat or wrapped). */
  readonly auth: AuthInput;
  /** The credential fields, flat, whether they arrived flat or wrapped. */
  readonly credentials: C;
  /** `auth_type` of wrapped credentials, or `undefined` for flat ones. */
  readonly authType: string | undefined;
  /** The operator's secrets this execution may read: only the keys its action declares. */
  readonly secrets: S;
  readonly metadata: Record<string, unknown>;
  /** A logger that redacts credentials from every message and field. */
  readonly logger: Logger;
  /** Sends an HTTP request with auth, retries and timeouts; see `FetchOptions`. */
  readonly fetch: ContextFetch;
  readonly #pool: ConnectionPool;
  readonly #redactor: Redactor;

  constructor(options: ExecutionContextOptions = {}) {
    this.#pool = new ConnectionPool(options.interceptors);
    this.auth = options.auth ?? {};
    const { authType, fields } = resolveAuth(this.auth);
    this.authType = authType;
    this.credentials = fields as C;
    this.metadata = options.metadata ?? {};
    const secrets = Object.freeze({ ...options.secrets });
    this.secrets = secrets as S;
    this.#redactor = new Redactor(fields, this.auth, secrets);
    const redactor = this.#redactor;
    this.logger = scrubbedLogger(options.logger ?? silentLogger, (value) => redactor.deep(value));
    const config = options.requestConfig ?? {};
    this.fetch = createContextFetch({
      auth: this.auth,
      maxRetries: config.maxRetries ?? 3,
      timeoutSeconds: config.timeout ?? 30,
      maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      retryDelay: config.retryDelay ?? defaultRetryDelay,
      originOverrides: options.originOverrides,
      onHttpCall: options.onHttpCall,
      redactor,
      logger: this.logger,
      pool: this.#pool,
    });
    const { signal } = options;
    if (signal?.aborted) void this.close();
    else signal?.addEventListener("abort", () => void this.close(), { once: true });
  }

  /**
   * Iterates every item of a paginated listing (cursor, `Link` header, offset or page number),
   * each page requested through `this.fetch`; see `PaginateOptions`.
   */
  paginate<T = unknown>(url: string, options: PaginateOptions<T>): Paginated<T> {
    return paginate<T>(this.fetch, url, options);
  }

  /** `text` with every credential value replaced by `[REDACTED]`. */
  redact(text: string): string {
    return this.#redactor.text(text);
  }

  /** A copy of `value` whose strings have every credential value replaced by `[REDACTED]`. */
  redactValue<T>(value: T): T {
    return this.#redactor.deep(value);
  }

  /** What `JSON.stringify(context)` shows: never the credentials nor secret values. */
  toJSON(): Record<string, unknown> {
    const secrets = Object.fromEntries(
      Object.keys(this.secrets as object).map((k) => [k, REDACTED]),
    );
    return { authType: this.authType, credentials: REDACTED, secrets, metadata: this.metadata };
  }

  /** What `console.log(context)` and `util.inspect` show: never the credentials. */
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `ExecutionContext ${JSON.stringify(this.toJSON())}`;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#pool.closed;
  }

  /**
   * Closes the context's connections, failing requests in flight and cutting retry back-offs
   * short; later `fetch` calls fail too.
   */
  async close(): Promise<void> {
    await this.#pool.close();
  }
}
