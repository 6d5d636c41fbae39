import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fetch as undiciFetch } from "undici";
import { ExecutionContext } from "../src/index.ts";

/** Median µs per request of bare `fetch`, bare undici `fetch` and `context.fetch`, interleaved. */
export async function benchFetch(requests: number) {
  const body = JSON.stringify({ id: 1, name: "item", tags: ["a", "b"] });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items/1`;
  const context = new ExecutionContext({ auth: { credentials: { access_token: "bench" } } });
  const headers = { Authorization: "Bearer bench" };
  const clients = {
    bare: async () => (await fetch(url, { headers })).json(),
    undici: async () => (await undiciFetch(url, { headers })).json(),
    sdk: () => context.fetch(url),
  };
  const times = { bare: [] as number[], undici: [] as number[], sdk: [] as number[] };
  for (let i = 0; i < 300; i += 1) for (const call of Object.values(clients)) await call();
  // One request of each client in turn, so that drift in machine load hits all alike.
  for (let i = 0; i < requests; i += 1) {
    for (const [name, call] of Object.entries(clients) as Array<
      [keyof typeof clients, () => Promise<unknown>]
    >) {
      const start = process.hrtime.bigint();
      await call();
      times[name].push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  await context.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const median = (xs: number[]) =>
    [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { bareUs: median(times.bare), undiciUs: median(times.undici), sdkUs: median(times.sdk) };
}
