import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { generate } from "@plugboard/codegen";
import { ExecutionContext } from "@plugboard/sdk";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processIntegration } from "../src/process-integration.ts";
import { fixture, packageDir, typecheck, workspace } from "./codegen-workspace.ts";

const STUB = "src/connected-account.ts";
const instagramDir = resolve(packageDir, "../../integrations/instagram");

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = workspace());
});
afterEach(() => {
  cleanup();
});

/** Writes `config` as the workspace's config.json. */
function useConfig(config: unknown): void {
  writeFileSync(join(dir, "config.json"), `${JSON.stringify(config, null, 2)}\n`);
}

/** Every `.ts` file codegen wrote under the workspace's `src`, as absolute paths. */
function sources(files: string[]): string[] {
  return files.filter((file) => file.endsWith(".ts")).map((file) => join(dir, file));
}

describe("the connected-account stub", () => {
  it("is a stub only when config.json sets supports_connected_account", () => {
    const shapes = generate(fixture("shapes")).find((file) => file.path === STUB);
    expect(shapes?.kind).toBe("stub");
    expect(shapes?.contents).toContain("export const connectedAccount = defineConnectedAccount(");
    expect(generate(fixture("notes")).map((file) => file.path)).not.toContain(STUB);
    const off = { ...fixture("shapes"), supports_connected_account: false };
    expect(generate(off).map((file) => file.path)).not.toContain(STUB);
    expect(generate(off).find((file) => file.path === "src/index.ts")?.contents).not.toContain(
      "connectedAccount",
    );
  });

  it("is created with src/index.ts wiring it, compiles, and throws not-implemented", async () => {
    useConfig(fixture("shapes"));
    const outcome = processIntegration(dir);
    expect(outcome.status).toBe("written");
    expect(outcome.files).toContain(STUB);
    expect(readFileSync(join(dir, "src/index.ts"), "utf8")).toContain(
      'import { connectedAccount } from "./connected-account.ts";',
    );
    expect(typecheck(sources(outcome.files))).toEqual([]);
    const { integration } = await import(pathToFileURL(join(dir, "src/index.ts")).href);
    const context = new ExecutionContext({ auth: { access_token: "token-123" } });
    await expect(integration.getConnectedAccount(context)).rejects.toThrow(
      "The connected account is not implemented yet: write it in src/connected-account.ts.",
    );
  }, 60_000);

  it("is never overwritten once it exists, and is recreated when deleted", () => {
    useConfig(fixture("shapes"));
    processIntegration(dir);
    const stub = join(dir, STUB);
    const edited = `${readFileSync(stub, "utf8")}// a person's edit\n`;
    writeFileSync(stub, edited);
    const config = { ...fixture("shapes"), description: "Changed." };
    useConfig(config);
    const outcome = processIntegration(dir);
    expect(outcome.status).toBe("written");
    expect(outcome.files).not.toContain(STUB);
    expect(readFileSync(stub, "utf8")).toBe(edited);
    rmSync(stub);
    // A missing stub is the person's call, not stale output; a normal run creates it again.
    expect(processIntegration(dir, { check: true })).toMatchObject({ status: "unchanged" });
    expect(processIntegration(dir).files).toEqual([STUB]);
    expect(readFileSync(stub, "utf8")).toContain("not implemented yet");
  });

  it("takes a free name when an action already owns connectedAccount", () => {
    const config = fixture("notes");
    const notes = config.actions.create_note;
    useConfig({
      ...config,
      supports_connected_account: true,
      actions: { ...config.actions, connected_account: notes },
    });
    const outcome = processIntegration(dir);
    expect(readFileSync(join(dir, "src/actions/connected_account.ts"), "utf8")).toContain(
      "export const connectedAccount = defineAction(",
    );
    expect(readFileSync(join(dir, STUB), "utf8")).toContain(
      "export const connectedAccount2 = defineConnectedAccount(",
    );
    expect(readFileSync(join(dir, "src/index.ts"), "utf8")).toContain(
      "connectedAccount: connectedAccount2,",
    );
    expect(typecheck(sources(outcome.files))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!existsSync(join(instagramDir, STUB)))(
  "an integration with its own handler",
  () => {
    it("keeps instagram's hand-written src/connected-account.ts and src/index.ts", () => {
      for (const path of ["config.json", "src"]) {
        cpSync(join(instagramDir, path), join(dir, path), { recursive: true });
      }
      const before = ["src/index.ts", STUB].map((path) => readFileSync(join(dir, path), "utf8"));
      const outcome = processIntegration(dir);
      expect(outcome.error).toBeUndefined();
      // Only person-owned files matter here; the generated ones have their own --check.
      expect(outcome.files.filter((file) => !file.startsWith("src/generated/"))).toEqual([]);
      expect(["src/index.ts", STUB].map((path) => readFileSync(join(dir, path), "utf8"))).toEqual(
        before,
      );
    });
  },
);
