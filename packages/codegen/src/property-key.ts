import { escapeSeparators } from "./format-code.ts";
import { isPropertyName } from "./naming.ts";

/** A wire name as an object-literal or type-member key: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return isPropertyName(name) ? name : stringLiteral(name);
}

/** A JavaScript string literal for any text, safe to place anywhere in generated code. */
export function stringLiteral(text: string): string {
  return escapeSeparators(JSON.stringify(text)).replace(/</g, "\\u003c");
}

/** Text safe inside a `/** … *\/` JSDoc block: no comment terminator, one line per line. */
export function jsdocText(text: string): string {
  return escapeSeparators(text.replace(/\*\//g, "*\\/").replace(/\r\n?/g, "\n")).trim();
}
