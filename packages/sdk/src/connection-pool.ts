import type { $Fetch } from "ofetch";
import type { Agent, Dispatcher } from "undici";

interface Http {
  ofetch: $Fetch;
  Agent: typeof Agent;
}

// ofetch and undici are loaded on the first request (~50 ms together), keeping
// `import "@plugboard/sdk"` cheap for code that never fetches.
let http: Promise<Http> | undefined;

/** ofetch configured over undici's fetch, so that requests can run on a context's own pool. */
export function loadHttp(): Promise<Http> {
  http ??= Promise.all([import("ofetch"), import("undici")]).then(([ofetchModule, undici]) => ({
    ofetch: ofetchModule.createFetch({
      fetch: undici.fetch as unknown as typeof globalThis.fetch,
      Headers: undici.Headers as unknown as typeof globalThis.Headers,
    }),
    Agent: undici.Agent,
  }));
  return http;
}

/**
 * An undici interceptor (`Dispatcher.compose`) every request of a context goes through, e.g. to
 * record the run's HTTP exchanges; it sees requests after origin overrides and auth.
 */
export type HttpInterceptor = Dispatcher.DispatcherComposeInterceptor;

/** Rejection of a back-off cut short because the pool was closed. */
export class PoolClosed extends Error {
  override readonly name = "PoolClosed";
}

/**
 * The connections of one execution context, like the Python SDK's per-context aiohttp session.
 * Timeouts live on the undici agent (connect, headers and body inactivity) and on a timer per
 * attempt, not on an AbortSignal: Node 20's fetch spends ~30 µs per request on a signal, a third
 * of a loopback call.
 */
export class ConnectionPool {
  readonly #agents = new Map<number, Agent>();
  readonly #dispatchers = new Map<number, Dispatcher>();
  readonly #interceptors: HttpInterceptor[];
  readonly #sleepers = new Set<() => void>();
  #closed = false;

  constructor(interceptors: HttpInterceptor[] = []) {
    this.#interceptors = interceptors;
  }

  /** Whether `close()` was called. */
  get closed(): boolean {
    return this.#closed;
  }

  /** The agent whose requests time out after `timeoutMs` without a response or body progress. */
  agent(AgentClass: typeof Agent, timeoutMs: number): Dispatcher {
    const known = this.#dispatchers.get(timeoutMs);
    if (known) return known;
    let agent = this.#agents.get(timeoutMs);
    if (!agent) {
      agent = new AgentClass({
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        // Shorter than the attempt's deadline, so that a connect timeout is told apart from a
        // request that may have been sent: only the former lets a POST be retried.
        connect: { timeout: Math.min(timeoutMs / 2, 10_000) },
      });
      this.#agents.set(timeoutMs, agent);
    }
    const dispatcher = this.#interceptors.length ? agent.compose(this.#interceptors) : agent;
    this.#dispatchers.set(timeoutMs, dispatcher);
    return dispatcher;
  }

  /** Waits `ms` before a retry; rejects with `PoolClosed` as soon as the pool is closed. */
  sleep(ms: number): Promise<void> {
    if (this.#closed) return Promise.reject(new PoolClosed("closed"));
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        this.#sleepers.delete(wake);
        reject(new PoolClosed("closed"));
      };
      const timer = setTimeout(() => {
        this.#sleepers.delete(wake);
        resolve();
      }, ms);
      this.#sleepers.add(wake);
    });
  }

  /** Destroys every connection, failing requests in flight and cutting back-offs short. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const wake of [...this.#sleepers]) wake();
    const agents = [...this.#agents.values()];
    this.#agents.clear();
    this.#dispatchers.clear();
    await Promise.all(agents.map((agent) => agent.destroy()));
  }
}
