import type { ImportedAction } from "./build-action.ts";

function cell(text: string): string {
  return text.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();
}

/** README.md of an imported integration: where it came from, its auth and its actions. */
export function emitReadme(
  name: string,
  title: string,
  source: string,
  authText: string,
  actions: ImportedAction[],
): string {
  const rows = actions.map(
    (a) =>
      `| \`${a.name}\` | \`${a.request.method} ${cell(a.request.path)}\` | ${cell(String(a.config.display_name ?? ""))} |`,
  );
  return `# ${title}

Plugboard integration \`@plugboard/integration-${name}\`, imported from the OpenAPI description
\`${source}\` by \`plugboard import openapi\`.

## Authentication

${authText}

## Actions

| Action | Endpoint | Summary |
| --- | --- | --- |
${rows.join("\n")}

## Development

The handlers in \`src/actions/\`, \`src/api.ts\` and the tests in \`test/\` were written once by the
import and are yours to edit; \`pnpm codegen\` only rewrites \`src/generated/\`.

\`\`\`sh
pnpm codegen    # regenerate src/generated/ after editing config.json
pnpm test
\`\`\`
`;
}
