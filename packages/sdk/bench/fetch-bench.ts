import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { ExecutionContext } from "../src/index.ts";

/** Median µs per request of bare `fetch` and of `context.fetch` against one loopback server. */
export async function benchFetch(rounds: number, perRound: number) {
  const body = JSON.stringify({ id: 1, name: "item", tags: ["a", "b"] });
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items/1`;
  const context = new ExecutionContext({ auth: { credentials: { access_token: "bench" } } });
  const bare = async () => {
    const response = await fetch(url, { headers: { Authorization: "Bearer bench" } });
    return response.json();
  };
  const sdk = () => context.fetch(url);
  const time = async (call: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    for (let i = 0; i < perRound; i += 1) await call();
    return Number(process.hrtime.bigint() - start) / perRound / 1000;
  };
  for (let i = 0; i < 300; i += 1) {
    await bare();
    await sdk();
  }
  const bareTimes: number[] = [];
  const sdkTimes: number[] = [];
  // Alternate the two in rounds so that drift in machine load hits both alike.
  for (let round = 0; round < rounds; round += 1) {
    bareTimes.push(await time(bare));
    sdkTimes.push(await time(sdk));
  }
  await context.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
  return { bareUs: median(bareTimes), sdkUs: median(sdkTimes) };
}
