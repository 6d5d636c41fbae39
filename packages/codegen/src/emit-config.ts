import type { IntegrationConfig } from "@plugboard/sdk";
import { header } from "./header.ts";

/**
 * `src/generated/config.gen.ts`: config.json as a typed literal, one property per line, so a
 * config change is the same small diff here. Made safe in any JavaScript context: `<` and the
 * line separators escaped, and a `__proto__` key written as a computed key (in an object
 * literal `"__proto__": …` would set the prototype; `["__proto__"]: …` is a property).
 */
export function emitConfig(config: IntegrationConfig): string {
  const literal = JSON.stringify(config, null, 2)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/^(\s*)"__proto__": /gm, '$1["__proto__"]: ')
    // A trigger's `dedupe` is a literal union in IntegrationConfig; the untyped constant below
    // would widen it to string. (Only a known strategy: any other value is validate's to report.)
    .replace(/^(\s*)"dedupe": ("unique"|"greatest"|"last")(,?)$/gm, '$1"dedupe": $2 as const$3');
  return (
    `${header("the config as a typed constant")}\n` +
    'import type { IntegrationConfig } from "@plugboard/sdk";\n\n' +
    // Going through an untyped constant skips excess-property checks: config.json may carry keys
    // the SDK's type does not list, and those are not codegen's business.
    `const json = ${literal};\n\n` +
    "/** This integration's config.json. */\n" +
    "export const config: IntegrationConfig = json;\n"
  );
}
