/**
 * A FIFO of calls waiting for one of `size` workers. The pool is only ever given as many
 * tasks as it has idle workers, so a call's timeout counts its running time, not its wait,
 * and a call still waiting can be cancelled without touching a worker. Each granted call holds
 * a slot number (0 to size - 1), its row in the table where workers note their thread id.
 */
export class Slots {
  readonly #free: number[];
  readonly #waiting: Array<(slot: number) => void> = [];

  constructor(size: number) {
    this.#free = Array.from({ length: size }, (_, i) => size - 1 - i);
  }

  /** Calls waiting for a worker. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Resolves with a slot once a worker is free for the caller, who must `release(slot)` it
   * afterwards; rejects with the signal's reason if it aborts first.
   */
  acquire(signal?: AbortSignal): Promise<number> {
    const slot = this.#free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const grant = (granted: number) => {
        signal?.removeEventListener("abort", cancel);
        resolve(granted);
      };
      const cancel = () => {
        const index = this.#waiting.indexOf(grant);
        if (index >= 0) this.#waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", cancel, { once: true });
      this.#waiting.push(grant);
    });
  }

  /** Hands the slot to the next waiting call, or frees it. */
  release(slot: number): void {
    const next = this.#waiting.shift();
    if (next) next(slot);
    else this.#free.push(slot);
  }
}
