/** Requests in flight and whether the server is draining, for graceful shutdown. */
export class Lifecycle {
  #inFlight = 0;
  #draining = false;
  #idle: Array<() => void> = [];

  /** Whether new calls are refused (503) because the server is shutting down. */
  get draining(): boolean {
    return this.#draining;
  }

  /** Calls running now. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Counts a call in. */
  begin(): void {
    this.#inFlight++;
  }

  /** Counts a call out, waking `drain()` when none is left. */
  end(): void {
    this.#inFlight--;
    if (this.#inFlight === 0) for (const wake of this.#idle.splice(0)) wake();
  }

  /** Refuses new calls from now on; resolves once the calls in flight have finished. */
  drain(): Promise<void> {
    this.#draining = true;
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }
}
