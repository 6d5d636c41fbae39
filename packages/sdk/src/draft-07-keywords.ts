// The draft-07 vocabulary, in one place: what normalizeSchema keeps and what codegen's typo
// check knows. Which of these hold subschemas is schema-walk.ts's business.

/** Draft-07 keywords that assert something (`$ref` and `definitions` included). */
export const DRAFT_07_ASSERTIONS = [
  "$ref",
  "definitions",
  "type",
  "enum",
  "const",
  "multipleOf",
  "maximum",
  "exclusiveMaximum",
  "minimum",
  "exclusiveMinimum",
  "maxLength",
  "minLength",
  "pattern",
  "items",
  "additionalItems",
  "maxItems",
  "minItems",
  "uniqueItems",
  "contains",
  "maxProperties",
  "minProperties",
  "required",
  "properties",
  "patternProperties",
  "additionalProperties",
  "dependencies",
  "propertyNames",
  "if",
  "then",
  "else",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
] as const;

/** Draft-07 annotations: kept for types and docs, never read by a validator. */
export const DRAFT_07_ANNOTATIONS = [
  "description",
  "default",
  "examples",
  "deprecated",
  "readOnly",
  "writeOnly",
] as const;

/**
 * The rest of draft-07: identifiers, `title`, and `format` and content hints, which the
 * Python SDK's Draft7Validator (without a format checker) never asserts.
 */
export const DRAFT_07_OTHER_KEYWORDS = [
  "$id",
  "$schema",
  "$comment",
  "title",
  "format",
  "contentMediaType",
  "contentEncoding",
] as const;
