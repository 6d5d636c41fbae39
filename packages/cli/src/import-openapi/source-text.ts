/** `object.key`, or `object["key"]` when the key is not an identifier. */
export function access(object: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${object}.${key}` : `${object}[${JSON.stringify(key)}]`;
}

/** A JSDoc comment of one paragraph, safe to embed: a comment terminator inside is escaped. */
export function jsdoc(text: string, indent = ""): string {
  const lines = text.replace(/\*\//g, "*\\/").trim().split(/\r?\n/);
  if (lines.length === 1) return `${indent}/** ${lines[0]} */`;
  return [
    `${indent}/**`,
    ...lines.map((line) => `${indent} * ${line}`.trimEnd()),
    `${indent} */`,
  ].join("\n");
}

/** `issues_list_for_repo` → `issuesListForRepo`. */
export function camelCase(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_match, char: string) => char.toUpperCase());
}
