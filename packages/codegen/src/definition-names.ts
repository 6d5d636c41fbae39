import {
  isObject,
  SCHEMA_ARRAY_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  type SchemaNode as Schema,
} from "@plugboard/sdk/internal";
import { resolveLocalRef } from "./schema-ref.ts";

function pascal(key: string): string {
  const words = key.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  if (name === "") return "Definition";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/**
 * The names of `definitions` across one types file: `definitions.task` is `Task`; the same
 * definition in several schemas is declared once; a different one under a taken name (or a
 * name the file already uses, like `Credentials`) is prefixed with its schema's type name.
 */
export class DefinitionNames {
  readonly #taken = new Map<string, string>();

  /** `reserved`: the names the file declares besides definitions. */
  constructor(reserved: Iterable<string>) {
    for (const name of reserved) this.#taken.set(name, "\0reserved");
  }

  /** The name of definition `key` of the schema typed `owner`, and whether it is declared already. */
  claim(key: string, owner: string, canonical: string): { name: string; declared: boolean } {
    for (const name of [pascal(key), `${owner}${pascal(key)}`]) {
      const held = this.#taken.get(name);
      if (held === canonical) return { name, declared: true };
      if (held === undefined) {
        this.#taken.set(name, canonical);
        return { name, declared: false };
      }
    }
    for (let n = 2; ; n++) {
      const name = `${owner}${pascal(key)}${n}`;
      if (!this.#taken.has(name)) {
        this.#taken.set(name, canonical);
        return { name, declared: false };
      }
    }
  }
}

/** The subschema slots of a node: `[container, key]` pairs that hold one subschema. */
function* slots(node: Schema): Generator<[Record<string | number, unknown>, string | number]> {
  for (const keyword of SCHEMA_KEYWORDS) if (keyword in node) yield [node, keyword];
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    const list = node[keyword];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) yield [list as never, i];
  }
  const items = node.items;
  if (Array.isArray(items)) for (let i = 0; i < items.length; i++) yield [items as never, i];
  else if (items !== undefined) yield [node, "items"];
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    const map = node[keyword];
    if (!isObject(map)) continue;
    for (const key of Object.keys(map)) if (!Array.isArray(map[key])) yield [map, key];
  }
}

/**
 * The `definitions` keys a schema reaches through `$ref`, from its root and transitively from
 * the definitions reached. json-schema-to-typescript declares only those
 * (`unreachableDefinitions: false`), so only those may claim a file-wide name.
 */
function reachableDefinitions(view: Schema): Set<string> {
  const definitions = isObject(view.definitions) ? view.definitions : {};
  const keyOf = new Map<unknown, string>();
  for (const [key, value] of Object.entries(definitions)) keyOf.set(value, key);
  const reached = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.$ref === "string") {
      const key = keyOf.get(resolveLocalRef(view, node.$ref));
      if (key !== undefined && !reached.has(key)) {
        reached.add(key);
        visit(definitions[key]);
      }
    }
    for (const [container, key] of slots(node)) {
      // The root's own definitions count only once a reference reaches them.
      if (container === definitions) continue;
      visit(container[key]);
    }
  };
  visit(view);
  return reached;
}

/**
 * Prepares a types view (a private copy) for json-schema-to-typescript: each definition gets
 * its file-wide name as `title` (or, when declared by an earlier schema, becomes a reference
 * to it), and every local `$ref` node is replaced by the very node it points at, so recursive
 * definitions become cycles the library turns into recursive named types.
 */
export function linkDefinitions(
  view: Schema,
  normalized: Schema | boolean,
  owner: string,
  names: DefinitionNames,
): void {
  const definitions = view.definitions;
  const originals = isObject(normalized) ? normalized.definitions : undefined;
  const declaredElsewhere: string[] = [];
  if (isObject(definitions) && isObject(originals)) {
    const reached = reachableDefinitions(view);
    for (const key of Object.keys(definitions)) {
      const target = definitions[key];
      if (!isObject(target) || !reached.has(key)) continue;
      const { name, declared } = names.claim(key, owner, JSON.stringify(originals[key]));
      if (declared) declaredElsewhere.push(key);
      definitions[key] = declared ? { tsType: name } : { ...target, title: name };
    }
  }
  const seen = new Set<unknown>();
  const visit = (node: unknown): void => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    for (const [container, key] of slots(node)) {
      let child = container[key];
      // A `$ref` to a `$ref` is followed to the end; a loop of bare refs stays `unknown`.
      for (let hops = 0; isObject(child) && typeof child.$ref === "string" && hops < 16; hops++) {
        const target = resolveLocalRef(view, child.$ref);
        child = target === undefined ? { tsType: "unknown" } : target;
      }
      container[key] = child;
      visit(child);
    }
  };
  visit(view);
  // Refs now hold the `{ tsType }` nodes themselves; left in `definitions`, json-schema-to-
  // typescript would declare each again as `type Name = Name`.
  if (isObject(definitions)) for (const key of declaredElsewhere) delete definitions[key];
}
