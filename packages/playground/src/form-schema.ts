type Schema = Record<string, unknown>;

import { isObject, mapSubschemas } from "@plugboard/sdk/internal";

/** What the form shows for an optional enum left unset; the page drops it from the inputs. */
export const UNSET_ENUM = "";

/**
 * An optional string enum renders as a select with a first "(not set)" choice instead of an
 * opt-in checkbox, so picking a value is one step; the page drops the empty choice before
 * sending (see `x-pb-unset` in app.js).
 */
function optionalEnum(schema: Schema): Schema {
  const values = schema.enum;
  if (!Array.isArray(values) || !values.every((value) => typeof value === "string")) return schema;
  const options = isObject(schema.options) ? schema.options : {};
  const titles = Array.isArray(options.enum_titles) ? options.enum_titles : values;
  return {
    ...schema,
    enum: [UNSET_ENUM, ...values],
    "x-pb-unset": true,
    // The form library decides opt-in boxes from `required` alone; its draft-03 boolean form
    // keeps this select out of them (app.js takes the "required" mark off its label again).
    required: true,
    options: { ...options, enum_titles: ["(not set)", ...titles] },
  };
}

/**
 * Rewrites a config.json schema for the form library: `label` becomes the `title`,
 * `help_text` joins the `description`, OpenAPI-style `nullable: true` becomes a `null` type,
 * booleans render as checkboxes, optional enums as selects with a "(not set)" choice, and
 * credentials-like `format`s stay (password masks input). `definitions` and `$ref` pass
 * through: the form library resolves local references itself.
 */
export function toFormSchema(schema: unknown): Schema {
  if (!isObject(schema)) return {};
  const out: Schema = { ...schema };
  if (typeof out.label === "string" && typeof out.title !== "string") out.title = out.label;
  const help = [out.description, out.help_text].filter(
    (text): text is string => typeof text === "string" && text.length > 0,
  );
  if (help.length > 0) out.description = [...new Set(help)].join(" — ");
  if (out.nullable === true && typeof out.type === "string") out.type = [out.type, "null"];
  if (out.type === "boolean" && out.format === undefined) out.format = "checkbox";
  // The form library only knows formats it renders; unknown ones (text, file…) would be dropped.
  if (out.format === "text") out.format = "textarea";
  // Every subschema, wherever draft-07 holds one (the SDK's schema walk; `$defs` as
  // `definitions`); boolean schemas stay as they are.
  const sub = (value: unknown) => (isObject(value) ? toFormSchema(value) : value);
  for (const [key, value] of Object.entries(out)) {
    out[key] = mapSubschemas(key === "$defs" ? "definitions" : key, value, sub);
  }
  if (isObject(out.properties)) {
    const required = Array.isArray(out.required) ? out.required : [];
    for (const [name, value] of Object.entries(out.properties)) {
      if (!required.includes(name) && isObject(value)) out.properties[name] = optionalEnum(value);
    }
  }
  // A free-form object has no fields to render: let people type its JSON and add keys.
  if (out.type === "object" && !isObject(out.properties)) {
    out.options = { disable_edit_json: false, disable_properties: false };
  }
  return out;
}

/** The credentials form of an integration's `auth` section, or null when it needs none. */
export function credentialsSchema(auth: Schema | undefined): Schema | null {
  if (!auth) return null;
  if (auth.type === "platform") {
    return {
      type: "object",
      title: "Credentials",
      required: ["access_token"],
      properties: {
        access_token: {
          type: "string",
          title: "Access token",
          format: "password",
          description: `OAuth access token${typeof auth.provider === "string" ? ` for ${auth.provider}` : ""}; the platform sends it as a Bearer token.`,
        },
      },
    };
  }
  if (!isObject(auth.fields)) return null;
  const form = toFormSchema(auth.fields);
  form.title = typeof auth.title === "string" ? auth.title : "Credentials";
  return form;
}
