/**
 * Builds an Ajv error object from its parts, computing the message from keyword and params as
 * Ajv does. Exported once per integration by its validator run-time module; see compactErrors().
 */
export const ERROR_HELPER = `function pbFail(validate, instancePath, schemaPath, keyword, params) {
  validate.errors = [pbErr(instancePath, schemaPath, keyword, params)];
  return false;
}
function pbErr(instancePath, schemaPath, keyword, params) {
  return { instancePath, schemaPath, keyword, params, message: pbMsg(keyword, params) };
}
function pbMsg(k, p) {
  switch (k) {
    case "type": return "must be " + p.type;
    case "required": return "must have required property '" + p.missingProperty + "'";
    case "enum": return "must be equal to one of the allowed values";
    case "const": return "must be equal to constant";
    case "maxLength": return "must NOT have more than " + p.limit + " characters";
    case "minLength": return "must NOT have fewer than " + p.limit + " characters";
    case "maxItems": case "additionalItems": return "must NOT have more than " + p.limit + " items";
    case "minItems": return "must NOT have fewer than " + p.limit + " items";
    case "maxProperties": return "must NOT have more than " + p.limit + " properties";
    case "minProperties": return "must NOT have fewer than " + p.limit + " properties";
    case "maximum": case "minimum": case "exclusiveMaximum": case "exclusiveMinimum":
      return "must be " + p.comparison + " " + p.limit;
    case "multipleOf": return "must be multiple of " + p.multipleOf;
    case "pattern": return 'must match pattern "' + p.pattern + '"';
    case "uniqueItems": return "must NOT have duplicate items (items ## " + p.j + " and " + p.i + " are identical)";
    case "additionalProperties": return "must NOT have additional properties";
    case "anyOf": return "must match a schema in anyOf";
    case "oneOf": return "must match exactly one schema in oneOf";
    case "not": return "must NOT be valid";
    case "if": return 'must match "' + p.failingKeyword + '" schema';
    case "false schema": return "boolean schema is false";
    case "propertyNames": return "property name must be valid";
    case "contains": return "must contain at least " + p.minContains + " valid item(s)";
    case "dependencies":
      return "must have " + (p.depsCount === 1 ? "property" : "properties") + " " + p.deps +
        " when property " + p.property + " is present";
    default: return 'must pass "' + k + '" keyword validation';
  }
}`;

/** The functions of ERROR_HELPER that generated validators call. */
export const ERROR_HELPERS = ["pbFail", "pbErr"];

const START = "{instancePath";

/**
 * Ajv writes every error as a full object literal with its message spelled out
 * (`{instancePath:…,schemaPath:"#/…",keyword:"type",params:{…},message:"must be string"}`),
 * which is most of a validator's size. This replaces each literal with a call to one shared
 * helper that builds the same object, message included. Literals of any other shape are left
 * as they are.
 */
export function compactErrors(code: string): { code: string; used: boolean } {
  let out = "";
  let from = 0;
  let used = false;
  // One pass that skips string literals, so text inside a property name is never rewritten.
  for (let at = 0; at < code.length; at++) {
    const ch = code.charAt(at);
    if (ch === '"' || ch === "'" || ch === "`") {
      at = skipString(code, at);
      continue;
    }
    if (ch !== "{" || !code.startsWith(START, at)) continue;
    const end = matchBrace(code, at);
    const parts = end === -1 ? undefined : splitProperties(code.slice(at + 1, end));
    const call = parts ? toCall(parts) : undefined;
    if (call === undefined) continue;
    // The common case, `validate10.errors = [{…}];return false;`, becomes one `return pbFail(…)`.
    const before = /(validate\d+)\.errors = \[$/.exec(code.slice(Math.max(from, at - 40), at));
    const after = "];return false;";
    if (before?.[1] && code.startsWith(after, end + 1)) {
      out += `${code.slice(from, at - before[0].length)}return pbFail(${before[1]},${call.slice("pbErr(".length)};`;
      from = end + 1 + after.length;
    } else {
      out += code.slice(from, at) + call;
      from = end + 1;
    }
    at = from - 1;
    used = true;
  }
  return { code: out + code.slice(from), used };
}

function toCall(parts: Map<string, string>): string | undefined {
  const keys = [...parts.keys()].join(",");
  if (keys !== "instancePath,schemaPath,keyword,params,message") return undefined;
  const instancePath = parts.get("instancePath") || "instancePath";
  return `pbErr(${instancePath},${parts.get("schemaPath")},${parts.get("keyword")},${parts.get("params")})`;
}

/** Index of the `}` closing the `{` at `start`, skipping strings; -1 if unbalanced. */
function matchBrace(code: string, start: number): number {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const ch = code.charAt(i);
    if (ch === '"' || ch === "'" || ch === "`") i = skipString(code, i);
    else if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") {
      depth--;
      if (depth === 0) return ch === "}" ? i : -1;
    }
  }
  return -1;
}

/** Index of the quote closing the string literal that opens at `start`. */
export function skipString(code: string, start: number): number {
  const quote = code.charAt(start);
  for (let i = start + 1; i < code.length; i++) {
    const ch = code.charAt(i);
    if (ch === "\\") i++;
    else if (ch === quote) return i;
  }
  return code.length;
}

/** `a:1,b:{c:2}` → Map { a → "1", b → "{c:2}" }; a bare `a` (shorthand) maps to "". */
function splitProperties(body: string): Map<string, string> | undefined {
  const parts = new Map<string, string>();
  let depth = 0;
  let start = 0;
  const push = (piece: string) => {
    const colon = piece.indexOf(":");
    const key = (colon === -1 ? piece : piece.slice(0, colon)).trim();
    if (!/^\w+$/.test(key)) return false;
    parts.set(key, colon === -1 ? "" : piece.slice(colon + 1).trim());
    return true;
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body.charAt(i);
    if (ch === '"' || ch === "'" || ch === "`") i = skipString(body, i);
    else if (ch === "{" || ch === "[" || ch === "(") depth++;
    else if (ch === "}" || ch === "]" || ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      if (!push(body.slice(start, i))) return undefined;
      start = i + 1;
    }
  }
  return push(body.slice(start)) ? parts : undefined;
}
