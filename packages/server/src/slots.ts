/**
 * A FIFO of calls waiting for one of `size` workers. Tinypool is only ever given as many
 * tasks as it has idle workers: its queue handles abortable tasks slowly, and a call's
 * timeout then counts its running time, not its wait.
 */
export class Slots {
  readonly #size: number;
  #busy = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(size: number) {
    this.#size = size;
  }

  /** Calls waiting for a worker. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /** Resolves once a worker is free for the caller, who must `release()` it afterwards. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (this.#busy < this.#size) {
      this.#busy++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const grant = () => {
        signal?.removeEventListener("abort", cancel);
        resolve();
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

  /** Hands the worker to the next waiting call, or frees it. */
  release(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#busy--;
  }
}
