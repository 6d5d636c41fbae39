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
    {
      // The feed grows by one note per poll: n1, then n1 n2…
      "GET /v1/feed": () => ({
        body: {
          notes: Array.from({ length: api.requestsTo("GET /v1/feed").length }, (_, i) => ({
            id: `n${i + 1}`,
            title: `Note ${i + 1}`,
          })),
        },
      }),
      "GET /v1/me": { body: { email: "ada@example.com", name: "Ada" } },
    },
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

  it("filters the list with the search box", async () => {
    const visible = () =>
      page
        .locator("#registry button:visible")
        .evaluateAll((nodes) =>
          nodes.map(
            (node) =>
              node.getAttribute("data-action") ?? `account:${node.getAttribute("data-account")}`,
          ),
        );
    expect(await visible()).toContain("weather.get_forecast");
    await page.fill("#search", "notes nothing-matches");
    await expect.poll(visible).toEqual([]);
    await page.fill("#search", "notes created since");
    await expect.poll(visible).toEqual(["notes.new_notes"]);
    expect(await page.locator('[data-integration="weather"]').isHidden()).toBe(true);
    await page.fill("#search", "account");
    await expect.poll(visible).toEqual(["account:notes"]);
    await page.fill("#search", "");
    await expect.poll(async () => (await visible()).length).toBeGreaterThan(4);
  });

  it("polls a trigger, and 'poll again' shows new vs already-seen records", async () => {
    await page.click('[data-action="notes.new_notes"]');
    await expect.poll(() => page.locator("#run").textContent()).toBe("Poll");
    expect(await page.locator('[data-action="notes.new_notes"] .kind').textContent()).toBe(
      "trigger",
    );
    // The credentials typed for notes earlier are remembered for its trigger.
    expect(await page.inputValue('input[name="credentials[api_key]"]')).toBe("browser-secret-7");
    await page.click("#run");
    await expect.poll(() => page.locator("#result-type").textContent()).toBe("polling_trigger");
    // Seed-on-enable, as in production: the first poll records n1 and delivers nothing.
    expect(await page.locator("#records li.seeded").allTextContents()).toEqual([
      'seededn1 {"title":"Note 1"}',
    ]);
    expect(await page.locator("#records li.new").count()).toBe(0);
    await expect.poll(() => page.locator("#run").textContent()).toBe("Poll again");
    await page.click("#run");
    await expect.poll(() => page.locator("#records li").count()).toBe(2);
    expect(await page.locator("#records li.seen").getAttribute("data-id")).toBe("n1");
    expect(await page.locator("#records li.new").getAttribute("data-id")).toBe("n2");
    expect(await page.locator("#poll-summary").textContent()).toMatch(
      /^2 records: 1 new, 1 already seen \(last_poll_ts \d{4}-/,
    );
    const polls = api.requestsTo("GET /v1/feed");
    expect(polls[0]?.query.since).toBeUndefined();
    expect(polls[1]?.query.since).toMatch(/^\d{4}-\d\d-\d\dT/);
    await page.screenshot({ path: path.join(resultsDir, "playground-poll.png"), fullPage: true });
  });

  it("runs the connected-account handler with the integration's credentials", async () => {
    await page.click('[data-account="notes"]');
    await expect.poll(() => page.locator("#action-title").textContent()).toBe("Connected account");
    expect(await page.locator("#inputs-heading").isHidden()).toBe(true);
    await page.click("#run");
    await expect.poll(() => page.locator("#result-type").textContent()).toBe("connected_account");
    const result = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
    expect(result.result).toMatchObject({ email: "ada@example.com", first_name: "Ada" });
    expect(api.requestsTo("GET /v1/me")).toHaveLength(1);
  });

  it("renders a form from definitions and $ref, with enums usable without an opt-in box", async () => {
    await page.click('[data-action="catalog.create_order"]');
    const street = page.locator('input[name="inputs[shipping][street]"]');
    await expect.poll(() => street.count()).toBe(1);
    const shippingLabel = page.locator('[data-schemapath="inputs.shipping.street"] label').first();
    expect(await shippingLabel.getAttribute("class")).toContain("required");
    // An optional enum is a select with a "(not set)" choice: no checkbox to tick first.
    const channel = page.locator('select[name="inputs[channel]"]');
    expect(await channel.locator("option").allTextContents()).toEqual([
      "(not set)",
      "web",
      "phone",
    ]);
    expect(
      await page.locator('[data-schemapath="inputs.channel"] input[type="checkbox"]').count(),
    ).toBe(0);
    await street.fill("Storgata 1");
    await street.press("Tab");
    await page.selectOption('select[name="inputs[shipping][country]"]', "NO");
    await page.click("#run");
    await expect.poll(() => page.locator("#result-type").textContent()).toBe("action");
    let result = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
    expect(result.result.data.order).toEqual({ shipping: { street: "Storgata 1", country: "NO" } });

    await page.selectOption('select[name="inputs[channel]"]', "phone");
    await page.click("#run");
    await expect
      .poll(
        async () =>
          JSON.parse((await page.locator("#result").textContent()) ?? "{}").result?.data?.order
            ?.channel,
      )
      .toBe("phone");
    result = JSON.parse((await page.locator("#result").textContent()) ?? "{}");
    expect(result.result.data.order.shipping.street).toBe("Storgata 1");
    expect(pageErrors).toEqual([]);
  });

  it("keeps the form in view when a long list scrolls the page", async () => {
    await page.setViewportSize({ width: 1280, height: 300 });
    await page.click('[data-action="weather.get_forecast"]');
    const tall = await page.evaluate<boolean>(
      "document.documentElement.scrollHeight > innerHeight + 60",
    );
    expect(tall).toBe(true);
    await page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)");
    await expect.poll(() => page.evaluate<number>("window.scrollY")).toBeGreaterThan(60);
    const box = await page.locator("#action").boundingBox();
    expect(box?.y).toBeGreaterThanOrEqual(0);
    expect(box?.y).toBeLessThan(40);
    await page.setViewportSize({ width: 1280, height: 1000 });
  });
});
