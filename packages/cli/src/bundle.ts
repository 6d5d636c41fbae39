import { execFile } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { promisify } from "node:util";
import type { Plugin } from "esbuild";
import { BuildError } from "./errors.ts";

/** What `buildIntegration` wrote. */
export interface BuildOutcome {
  /** The bundled entry, `dist/index.js`. */
  entry: string;
  /** Bytes of JavaScript written to `dist/` (bundle and chunks, without source maps). */
  bytes: number;
  /** Packages left as imports: the integration's dependencies. */
  external: string[];
}

/**
 * Start-up is optimised in the build, not in committed source: the readable typed literal of
 * `src/generated/config.gen.ts` is bundled as `JSON.parse("…")` of the config.json it was
 * generated from (V8 parses JSON text faster than it compiles the same object literal, and
 * `__proto__` stays an own key). turbo runs codegen before build, so the two are the same data.
 */
const configAsJsonParse: Plugin = {
  name: "plugboard-config-json-parse",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]generated[\\/]config\.gen\.ts$/ }, (args) => {
      const file = join(dirname(args.path), "..", "..", "config.json");
      if (!existsSync(file)) return undefined;
      const text = JSON.stringify(JSON.parse(readFileSync(file, "utf8")));
      return {
        contents: `export const config = JSON.parse(${JSON.stringify(text)});\n`,
        loader: "js",
      };
    });
  },
};

/** Options of `bundleEntry`. */
export interface BundleOptions {
  /** The module to bundle, e.g. `src/index.ts`. */
  entry: string;
  /** The folder to write `index.js` (plus chunks and source maps) into. */
  outdir: string;
  /** Package names left as imports (each also matches its subpaths). */
  external: string[];
  /** Write source maps beside the bundle; on by default. */
  sourcemap?: boolean;
}

/**
 * Bundles an integration's entry with esbuild into one minified ESM file (dynamic imports become
 * chunks). One module instead of dozens is what keeps a cold process start close to bare Node;
 * minifying here, not in the committed generated code, keeps that code reviewable and `dist/`
 * small.
 */
export async function bundleEntry(options: BundleOptions): Promise<number> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: { index: options.entry },
    outdir: options.outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    // Stack traces map back to the names people wrote through the source maps written beside.
    minify: true,
    sourcemap: options.sourcemap ?? true,
    external: options.external.flatMap((name) => [name, `${name}/*`]),
    metafile: true,
    logLevel: "silent",
    plugins: [configAsJsonParse],
  }).catch(
    (error: {
      errors?: Array<{
        text: string;
        location?: { file: string; line: number; column: number } | null;
      }>;
    }) => {
      const first = error.errors?.[0];
      const where = first?.location
        ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: `
        : "";
      throw new BuildError(`${where}${first?.text ?? String(error)}`, {
        code: "bundle_failed",
        cause: error,
      });
    },
  );
  return Object.entries(result.metafile?.outputs ?? {})
    .filter(([file]) => file.endsWith(".js"))
    .reduce((sum, [, output]) => sum + output.bytes, 0);
}

/**
 * Builds an integration package: `src/index.ts` bundled into `dist/index.js` with its
 * dependencies external, plus declarations from `tsc` and every generated validators `.d.ts`.
 * Everything is written to a scratch folder first and swapped in, so a failed build leaves
 * the previous `dist/` as it was.
 */
export async function buildIntegration(dir: string): Promise<BuildOutcome> {
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
    dependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const external = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }).sort();
  const entry = join(dir, "src", "index.ts");
  if (!existsSync(entry)) {
    throw new BuildError(
      `${relative(process.cwd(), entry) || entry}: missing; run \`plugboard codegen\` to create it`,
      {
        code: "missing_entry",
      },
    );
  }
  const scratch = mkdtempSync(join(dir, ".dist-"));
  try {
    const bytes = await bundleEntry({ entry, outdir: scratch, external });
    await emitDeclarations(dir, scratch);
    // The validators' declarations: the index and each action's and trigger's chunk.
    const generated = join(dir, "src", "generated");
    const names = existsSync(generated)
      ? readdirSync(generated, { recursive: true, encoding: "utf8" })
      : [];
    for (const name of names.filter((n) => n.endsWith(".gen.d.ts")).sort()) {
      mkdirSync(dirname(join(scratch, "generated", name)), { recursive: true });
      cpSync(join(generated, name), join(scratch, "generated", name));
    }
    rmSync(join(dir, "dist"), { recursive: true, force: true });
    renameSync(scratch, join(dir, "dist"));
    return { entry: join(dir, "dist", "index.js"), bytes, external };
  } catch (error) {
    rmSync(scratch, { recursive: true, force: true });
    throw error;
  }
}

/** Runs the integration's own TypeScript to write `.d.ts` files for its public types. */
async function emitDeclarations(dir: string, outDir: string): Promise<void> {
  let tsc: string;
  try {
    tsc = createRequire(join(dir, "package.json")).resolve("typescript/bin/tsc");
  } catch (cause) {
    throw new BuildError(`${dir}: typescript is not installed; add it to devDependencies`, {
      code: "declarations_failed",
      cause,
    });
  }
  const project = existsSync(join(dir, "tsconfig.build.json"))
    ? "tsconfig.build.json"
    : "tsconfig.json";
  const args = [
    tsc,
    "-p",
    project,
    "--noEmit",
    "false",
    "--emitDeclarationOnly",
    "--declaration",
    "--outDir",
    outDir,
  ];
  await promisify(execFile)(process.execPath, args, { cwd: dir }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      const output = `${error.stdout ?? ""}${error.stderr ?? ""}`.trim();
      throw new BuildError(`type errors prevent declarations:\n${output}`, {
        code: "declarations_failed",
        cause: error,
      });
    },
  );
}
