import { readFile } from "node:fs/promises";

/** Credentials by reference, for deployments that keep end users' credentials out of Redis. */
export interface CredentialSource {
  /** The auth object stored under `ref`, or `undefined` when there is none. */
  resolve(ref: string): Promise<Record<string, unknown> | undefined>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Credentials from the environment: `auth_ref: "acme-prod"` reads `PLUGBOARD_AUTH_ACME_PROD`,
 * a JSON object (the name upper-cased, every other character than A–Z and 0–9 as `_`).
 */
export class EnvCredentialSource implements CredentialSource {
  readonly #env: NodeJS.ProcessEnv;

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.#env = env;
  }

  /** Parses the variable of `ref`; a value that is not a JSON object counts as absent. */
  async resolve(ref: string): Promise<Record<string, unknown> | undefined> {
    const text = this.#env[`PLUGBOARD_AUTH_${ref.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`];
    if (text === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(text);
      return isObject(value) ? value : undefined;
    } catch {
      return undefined;
    }
  }
}

/** Credentials from a JSON file `{ "<ref>": { …auth… } }`, read again on every lookup. */
export class FileCredentialSource implements CredentialSource {
  readonly #path: string;

  constructor(path: string) {
    this.#path = path;
  }

  /** The object under `ref` in the file; a missing file or key is `undefined`. */
  async resolve(ref: string): Promise<Record<string, unknown> | undefined> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await readFile(this.#path, "utf8"));
    } catch {
      return undefined;
    }
    if (!isObject(parsed) || !Object.hasOwn(parsed, ref)) return undefined;
    const value = parsed[ref];
    return isObject(value) ? value : undefined;
  }
}
