/** `issues/list-for-repo`, `listForRepo`, `GET /users/{id}` → `issues_list_for_repo`… */
export function snakeCase(text: string): string {
  const name = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== "")
    .join("_")
    .slice(0, 80)
    .replace(/_+$/, "");
  if (name === "") return "action";
  return /^[0-9]/.test(name) ? `op_${name}` : name;
}

/** The action name of an operation without an `operationId`: its method and path words. */
export function fallbackName(method: string, path: string): string {
  return snakeCase(`${method} ${path.replace(/[{}]/g, "")}`);
}

/**
 * Hands out unique action names: the first operation (in document order) gets the plain name,
 * later ones `<name>_2`, `<name>_3`…
 */
export class ActionNames {
  readonly #used = new Set<string>();

  /** Returns `wanted`, or `wanted_<n>` with the smallest `n` still free. */
  allocate(wanted: string): string {
    let name = wanted;
    for (let n = 2; this.#used.has(name); n++) name = `${wanted}_${n}`;
    this.#used.add(name);
    return name;
  }
}
