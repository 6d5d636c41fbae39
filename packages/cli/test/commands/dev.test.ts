import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { devCommand } from "../../src/commands/dev.ts";
import { capture } from "../capture.ts";
import { createFixtureWorkspace } from "../fixtures/workspace.ts";

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;

beforeAll(async () => {
  workspace = await createFixtureWorkspace();
}, 60_000);

afterAll(async () => {
  await workspace.remove();
});

describe("plugboard dev", () => {
  it("fails with one line when the port is in use", async () => {
    const blocker = createServer();
    blocker.listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const { port } = blocker.address() as AddressInfo;
    try {
      const { code, stderr } = await capture(devCommand, [
        "--port",
        String(port),
        "--cwd",
        workspace.root,
      ]);
      expect(code).toBe(1);
      expect(stderr).toBe(
        `plugboard dev: port ${port} is in use on 127.0.0.1: pass --port <n>, or --port 0 for any free port\n`,
      );
    } finally {
      blocker.close();
    }
  });

  it("refuses a --record folder it cannot create, before it starts", async () => {
    const file = path.join(workspace.root, "config-not-a-folder.txt");
    await writeFile(file, "a file, not a folder\n");
    const { code, stdout, stderr } = await capture(devCommand, [
      "--port",
      "0",
      "--cwd",
      workspace.root,
      "--record",
      path.join(file, "fixtures"),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(
      /^plugboard dev: --record .*config-not-a-folder\.txt\/fixtures: cannot create the folder \(.*\); pass a folder you can write to\n$/,
    );
  });

  it("rejects a port that is not a number and explains itself on --help", async () => {
    expect((await capture(devCommand, ["--port", "http"])).stderr).toBe(
      "plugboard dev: --port http: expected a port number from 0 to 65535\n",
    );
    expect((await capture(devCommand, ["--help"])).stdout).toContain("Usage: plugboard dev");
  });
});
