import { AJV_OPTIONS, normalizeSchema } from "@plugboard/sdk/internal";
import { Ajv, type ValidateFunction } from "ajv";
import { sample } from "openapi-sampler";
import { isObject, type Json } from "./description.ts";

// The runtime's validation (the SDK's Ajv options, the schema as the SDK normalises it), so
// "valid here" means "valid to the integration".
const ajv = new Ajv(AJV_OPTIONS);
const compiled = new WeakMap<object, ValidateFunction>();

/** A validator of `schema` with the runtime's semantics. */
export function validatorOf(schema: Json): ValidateFunction {
  const key = isObject(schema) ? schema : { schema };
  let validate = compiled.get(key);
  if (validate === undefined) {
    validate = ajv.compile(normalizeSchema(isObject(schema) ? schema : {}, { annotations: false }));
    compiled.set(key, validate);
  }
  return validate;
}

/** `schema` without its examples and defaults (and other annotations), for a sample of its own. */
function withoutExamples(schema: Json): Json {
  return normalizeSchema(isObject(schema) ? schema : {}, {
    annotations: false,
    otherKeywords: true,
  }) as Json;
}

function generate(schema: Json, requiredOnly: boolean): Json {
  const document = isObject(schema) ? schema : {};
  return (sample(
    document as object,
    {
      skipNonRequired: requiredOnly,
      skipReadOnly: false,
      skipWriteOnly: false,
      enablePatterns: true,
      quiet: true,
      maxSampleDepth: 8,
    },
    document,
  ) ?? null) as Json;
}

/**
 * A value `schema` accepts, for a generated test: the first of the description's `candidates`
 * (its examples) that is valid, else a sample built from the schema (with its examples, then
 * without them). `undefined` when nothing valid could be built.
 */
export function validSample(
  schema: Json,
  options: { requiredOnly: boolean; candidates?: Json[] },
): Json | undefined {
  const validate = validatorOf(schema);
  for (const candidate of options.candidates ?? []) if (validate(candidate)) return candidate;
  for (const source of [schema, withoutExamples(schema)]) {
    try {
      const value = generate(source, options.requiredOnly);
      if (validate(value)) return value;
    } catch {
      // openapi-sampler gives up on some schemas (contradictory allOf): try the next way.
    }
  }
  return undefined;
}
