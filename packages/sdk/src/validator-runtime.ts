// Ajv's standalone code calls these helpers as `require("ajv/dist/runtime/<name>").default`;
// generated validators take them from here instead, so every integration shares one copy.
// `ajv` is pinned to an exact version (see package.json): test/validator-runtime.test.ts fails
// when it changes, so these paths are checked again on every upgrade. Loaded with `require`, as
// Ajv's own standalone code loads them: CommonJS modules, whose `default` is the helper. Each is
// loaded on first use: importing the SDK must not start Node's CommonJS loader (about 12 M
// instructions of start-up) for helpers most validators never call.
const helpers = new Map<string, unknown>();

function helper<T>(name: string): T {
  let loaded = helpers.get(name);
  if (loaded === undefined) {
    const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);
    loaded = require(`ajv/dist/runtime/${name}`).default;
    helpers.set(name, loaded);
  }
  return loaded as T;
}

/**
 * Ajv's run-time helpers, by the module name Ajv's standalone code requires them under
 * (`ajv/dist/runtime/ucs2length` → `ucs2length`). For generated validators only.
 */
export const validatorRuntime: {
  readonly ucs2length: (text: string) => number;
  readonly equal: (a: unknown, b: unknown) => boolean;
} = Object.freeze({
  get ucs2length() {
    return helper<(text: string) => number>("ucs2length");
  },
  get equal() {
    return helper<(a: unknown, b: unknown) => boolean>("equal");
  },
});
