import { markdownTable } from "../readme/action-table.ts";
import { formatJson } from "./format-json.ts";
/** How a scaffolded integration authenticates. */
export type AuthKind = "none" | "platform" | "custom";

/** What the templates need to know about the new integration. */
export interface ScaffoldInput {
  name: string;
  auth: AuthKind;
}

/** The real API origin the example action calls; tests redirect it to a local server. */
export const exampleOrigin = "https://api.example.com";

function displayName(name: string): string {
  return name
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

function authSection(auth: AuthKind): Record<string, unknown> {
  if (auth === "platform")
    return { auth: { type: "platform", provider: "example", scopes: ["read"] } };
  if (auth === "custom") {
    return {
      auth: {
        type: "custom",
        title: "API key",
        fields: {
          type: "object",
          properties: {
            api_key: {
              type: "string",
              label: "API key",
              help_text: "Create one in your account settings.",
              format: "password",
            },
          },
          required: ["api_key"],
        },
      },
    };
  }
  return {};
}

/** config.json with one example action, `get_item`. */
export function configJson({ name, auth }: ScaffoldInput): string {
  const config = {
    name,
    display_name: displayName(name),
    version: "0.1.0",
    description: `Reads items from the ${displayName(name)} API.`,
    entry_point: "src/index.ts",
    ...authSection(auth),
    actions: {
      get_item: {
        display_name: "Get item",
        description: "Fetches one item by its id.",
        input_schema: {
          type: "object",
          properties: {
            item_id: { type: "string", description: "The id of the item to fetch." },
          },
          required: ["item_id"],
        },
        output_schema: {
          type: "object",
          properties: {
            item: { type: "object", description: "The item, as the API returns it." },
          },
          required: ["item"],
        },
      },
    },
  };
  return formatJson(config);
}

/** package.json of `@plugboard/integration-<name>`. */
export function packageJson({ name }: ScaffoldInput): string {
  const pkg = {
    name: `@plugboard/integration-${name}`,
    version: "0.1.0",
    description: `Plugboard integration for ${displayName(name)}.`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
    main: "./dist/index.js",
    types: "./dist/index.d.ts",
    files: ["dist", "config.json"],
    scripts: {
      codegen: "plugboard codegen .",
      "codegen:check": "plugboard codegen --check .",
      build: "plugboard build",
      typecheck: "tsc --noEmit",
      lint: "biome check .",
      test: "vitest run",
    },
    dependencies: { "@plugboard/sdk": "workspace:^" },
    devDependencies: {
      "@plugboard/cli": "workspace:^",
      "@plugboard/testing": "workspace:^",
      "@types/node": "^20.19.0",
      typescript: "~5.9.3",
      vitest: "^4.1.12",
    },
  };
  // biome lays package.json out as npm does (every array expanded), unlike other JSON.
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** tsconfig.json (type-checks sources and tests) and tsconfig.build.json (emits dist). */
export function tsconfigs(): { main: string; build: string } {
  const main = {
    extends: "../../tsconfig.base.json",
    compilerOptions: { noEmit: true },
    include: ["src", "test"],
  };
  const build = {
    extends: "../../tsconfig.base.json",
    compilerOptions: { rootDir: "src", outDir: "dist", noEmit: false },
    include: ["src"],
  };
  return {
    main: formatJson(main),
    build: formatJson(build),
  };
}

/** README.md listing the actions. */
export function readme({ name, auth }: ScaffoldInput): string {
  const authText = {
    none: "No credentials needed.",
    platform: "OAuth managed by the platform (`auth.type: platform`).",
    custom: "An API key entered by the user (`auth.fields.api_key`).",
  }[auth];
  return `# ${displayName(name)}

Plugboard integration \`@plugboard/integration-${name}\`: reads items from the ${displayName(name)} API.

## Authentication

${authText}

## Actions

${markdownTable([
  ["Action", "Description"],
  ["`get_item`", "Fetches one item by its id."],
])}

## Development

\`\`\`sh
pnpm codegen    # regenerate src/generated/ after editing config.json
pnpm test
plugboard run ${name}.get_item --input '{"item_id": "42"}'${auth === "none" ? "" : " --auth-file auth.json"}
\`\`\`
`;
}

/** The example handler, calling the API with \`context.fetch\`. */
export function exampleAction({ auth }: ScaffoldInput): string {
  // The handler's own template literal, kept out of ours.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: this is generated source text.
  const bearer = "`Bearer ${context.credentials.api_key}`";
  const headers = auth === "custom" ? `, {\n    headers: { Authorization: ${bearer} },\n  }` : "";
  return `import { defineAction } from "../generated/contract.gen.ts";

/** Fetches one item by its id. */
export const getItem = defineAction("get_item", async (inputs, context) => {
  const url = \`${exampleOrigin}/items/\${encodeURIComponent(inputs.item_id)}\`;
  const response = await context.fetch(url${headers});
  return { data: { item: response.data as Record<string, unknown> } };
});
`;
}
