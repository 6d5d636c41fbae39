import { StateStoreError } from "./errors.ts";
import type { TriggerState, TriggerStateStore } from "./trigger-state.ts";

type StateFile = Record<string, TriggerState>;

/**
 * A `TriggerStateStore` in one JSON file (`{ "<integration>.<trigger>": state, … }`), e.g. the
 * `--state` file of `plugboard poll`. Each write replaces the file atomically (temporary file,
 * then rename), so a crash never leaves half a file; writes from one process are serialised.
 * Two processes writing one file may lose an update: use a shared store (Redis) for that.
 */
export class FileStateStore implements TriggerStateStore {
  /** The path of the JSON file; created on the first write. */
  readonly path: string;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: string) {
    this.path = path;
  }

  /** The state stored under `key`, or `undefined` (also when the file does not exist yet). */
  async get(key: string): Promise<TriggerState | undefined> {
    await this.#queue;
    return (await this.#read())[key];
  }

  /** Stores `state` under `key`, keeping the other keys of the file. */
  set(key: string, state: TriggerState): Promise<void> {
    return this.#serial(async () => {
      const all = await this.#read();
      all[key] = state;
      await this.#write(all);
    });
  }

  /** Stores `state` if the revision stored under `key` is still `expected`. */
  compareAndSet(key: string, expected: number | undefined, state: TriggerState): Promise<boolean> {
    return this.#serial(async () => {
      const all = await this.#read();
      if (all[key]?.revision !== expected) return false;
      all[key] = state;
      await this.#write(all);
      return true;
    });
  }

  #serial<R>(work: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #read(): Promise<StateFile> {
    const { readFile } = process.getBuiltinModule("node:fs/promises");
    let text: string;
    try {
      text = await readFile(this.path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw error;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (cause) {
      throw new StateStoreError(
        `${this.path}: not a trigger state file (invalid JSON: ${(cause as Error).message}); delete it to start over`,
        { code: "state_invalid", file: this.path, cause },
      );
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new StateStoreError(
        `${this.path}: not a trigger state file (expected a JSON object); delete it to start over`,
        { code: "state_invalid", file: this.path },
      );
    }
    return parsed as StateFile;
  }

  async #write(all: StateFile): Promise<void> {
    const { writeFile, rename } = process.getBuiltinModule("node:fs/promises");
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`);
    await rename(temporary, this.path);
  }
}
