import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { startRecordingServer } from "@plugboard/testing";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlayground } from "../src/server.ts";
import { createFixtureWorkspace, resultsDir } from "./fixtures/workspace.ts";

/** The notes API: every request is recorded and answered 201 with the posted JSON and an id. */
async function startNotesApi() {
  const api = await startRecordingServer(
    {},
    {
      fallback: (request) => ({
        status: 201,
        body: { id: `note-${api.requests.length}`, ...(request.body as object) },
      }),
    },
  );
  return api;
}

const chromiumPath = "/usr/bin/chromium";
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  process.stderr.write(
    `NOTE: ${chromiumPath} is absent: the playground browser test is skipped (apt-get install chromium).\n`,
  );
}

let workspace: Awaited<ReturnType<typeof createFixtureWorkspace>>;
let api: Awaited<ReturnType<typeof startNotesApi>>;
let playground: Awaited<ReturnType<typeof startPlayground>>;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

describe.skipIf(!hasChromium)("the playground in a real browser", () => {
  beforeAll(async () => {
    workspace = await createFixtureWorkspace();
    api = await startNotesApi();
    playground = await startPlayground({
      root: workspace.root,
      port: 0,
      originOverrides: { "https://api.notes.test": api.origin },
    });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await mkdir(resultsDir, { recursive: true });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    await api?.close();
    await workspace?.remove();
  });

  it("renders the action's form, runs it against a local API and shows the result", {
    timeout: 90_000,
  }, async () => {
    await page.goto(playground.url);
    await page.click('[data-action="notes.create_note"]');
    await expect.poll(() => page.locator("#action-name").textContent()).toBe("notes.create_note");

    // The form comes from input_schema: labels, help, required markers, enum select, opt-ins.
    const title = page.locator('[data-schemapath="inputs.title"]');
    await expect.poll(() => title.locator("label").getAttribute("class")).toContain("required");
    expect(await title.textContent()).toContain("The note title.");
    expect(await page.locator('select[name="inputs[priority]"] option').allTextContents()).toEqual([
      "low",
      "normal",
      "high",
    ]);
    const secret = page.locator('input[name="credentials[api_key]"]');
    expect(await secret.getAttribute("type")).toBe("password");

    await secret.fill("browser-secret-7");
    await secret.press("Tab");
    await page.fill('input[name="inputs[title]"]', "Buy milk");
    await page.press('input[name="inputs[title]"]', "Tab");
    await page.selectOption('select[name="inputs[priority]"]', "high");
    await page.locator('[data-schemapath="inputs.count"] input[type="checkbox"]').first().check();
    await page.fill('input[name="inputs[count]"]', "2");
    await page.press('input[name="inputs[count]"]', "Tab");
    await page.click("#run");

    // The first run loads the integration through tsx: seconds on a busy machine, not 1 s.
    await expect
      .poll(() => page.locator("#result-type").textContent(), { timeout: 60_000 })
      .toBe("action");
    const result = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
    expect(result.result.data.note).toMatchObject({
      title: "Buy milk",
      priority: "high",
      count: 2,
    });
    const call = await page.locator("#calls tbody tr").first().locator("td").allTextContents();
    expect(call[0]).toBe("POST");
    expect(call[1]).toMatch(/^https:\/\/api\.notes\.test\/v1\/notes\?key=/);
    expect(call[1]).not.toContain("browser-secret-7");
    expect(call[2]).toBe("201");
    expect(call[3]).toMatch(/^\d+ ms$/);
    expect(api.requests.at(-1)?.headers.authorization).toBe("Bearer browser-secret-7");
    await page.screenshot({ path: path.join(resultsDir, "playground-action.png"), fullPage: true });
  });

  it("shows a validation error next to the offending field", async () => {
    await page.fill('input[name="inputs[count]"]', "0");
    await page.press('input[name="inputs[count]"]', "Tab");
    await page.click("#run");
    await expect.poll(() => page.locator("#result-type").textContent()).toBe("validation_error");
    const error = page.locator('[data-schemapath="inputs.count"] .pb-field-error');
    await expect.poll(() => error.textContent()).toBe("must be >= 1");
    expect(await page.locator(".pb-field-error").count()).toBe(1);
    await page.screenshot({
      path: path.join(resultsDir, "playground-field-error.png"),
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  });
});
