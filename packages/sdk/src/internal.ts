// `@plugboard/sdk/internal`: what @plugboard/codegen and the other Plugboard packages share with
// the runtime so that each concept has one home. Not part of the SDK's public API: no semver
// promise, integrations import `@plugboard/sdk`.
export { isWrappedAuth, resolveAuth } from "./credentials.ts";
export {
  DRAFT_07_ANNOTATIONS,
  DRAFT_07_ASSERTIONS,
  DRAFT_07_OTHER_KEYWORDS,
} from "./draft-07-keywords.ts";
export { type NormalizeOptions, normalizeSchema } from "./normalize-schema.ts";
export { parsePollingInterval } from "./polling-interval.ts";
export {
  mapSubschemas,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  type SchemaNode,
  subschemas,
  walkSchema,
} from "./schema-walk.ts";
export {
  escapePointer,
  isObject,
  pointerSegments,
  refSegments,
  unescapePointer,
} from "./utils.ts";
export { AJV_OPTIONS, compileSchema } from "./validate.ts";
