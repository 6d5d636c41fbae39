/** The attempt deadline passed while the body was being read. */
export class DeadlineExpired extends Error {
  override readonly name = "DeadlineExpired";
}

/**
 * One attempt's total deadline: a timer racing each step (headers, every body chunk), so a body
 * trickling in never outlives it. A timer rather than an AbortSignal: see `ConnectionPool`.
 */
export class Deadline {
  readonly #expired: Promise<never>;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(ms: number) {
    this.#expired = new Promise<never>((_resolve, reject) => {
      this.#timer = setTimeout(() => reject(new DeadlineExpired("deadline")), ms);
    });
    // Rejections are seen by whoever races; nobody racing is not an unhandled rejection.
    this.#expired.catch(() => {});
  }

  /** `promise`, or a `DeadlineExpired` rejection if the deadline comes first. */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#expired]);
  }

  /** Stops the timer. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}

/**
 * Reads a response body whole within `deadline`, counting decompressed bytes: `undefined` as soon
 * as they exceed `limit` (the stream is cancelled, so a gzip bomb is never inflated further).
 */
export async function readBody(
  body: ReadableStream<Uint8Array> | null | undefined,
  limit: number,
  deadline: Deadline,
): Promise<Uint8Array | undefined> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await deadline.race(reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        reader.cancel().catch(() => {});
        return undefined;
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  return Buffer.concat(chunks, size);
}
