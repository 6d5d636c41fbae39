// Ajv's standalone code calls these helpers as `require("ajv/dist/runtime/<name>").default`;
// generated validators take them from here instead, so every integration shares one copy.
// `ajv` is pinned to an exact version (see package.json): test/validator-runtime.test.ts fails
// when it changes, so these paths are checked again on every upgrade. Loaded with `require`, as
// Ajv's own standalone code loads them: CommonJS modules, whose `default` is the helper.
const require = process.getBuiltinModule("node:module").createRequire(import.meta.url);

/**
 * Ajv's run-time helpers, by the module name Ajv's standalone code requires them under
 * (`ajv/dist/runtime/ucs2length` → `ucs2length`). For generated validators only.
 */
export const validatorRuntime: {
  readonly ucs2length: (text: string) => number;
  readonly equal: (a: unknown, b: unknown) => boolean;
} = Object.freeze({
  ucs2length: require("ajv/dist/runtime/ucs2length").default,
  equal: require("ajv/dist/runtime/equal").default,
});
