import { createServer } from "node:http";
import { ofetch } from "ofetch";
import { ExecutionContext } from "./src/index.ts";
const server = createServer((_q, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"id":1}'); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as any).port}/x`;
const ac = new AbortController();
const ctx = new ExecutionContext({ auth: { credentials: { access_token: "b" } } });
const variants: Record<string, () => Promise<unknown>> = {
  bare: async () => (await fetch(url, { headers: { Authorization: "Bearer b" } })).json(),
  bareAnySignal: async () => (await fetch(url, { headers: { Authorization: "Bearer b" }, signal: AbortSignal.any([ac.signal, AbortSignal.timeout(30000)]) })).json(),
  ofetchRaw: () => ofetch.raw(url, { headers: { Authorization: "Bearer b" }, responseType: "text", ignoreResponseError: true }),
  ofetchHooks: () => ofetch.raw(url, { headers: { Authorization: "Bearer b" }, responseType: "text", ignoreResponseError: true, retry: 3, retryStatusCodes: [500], onRequest() {}, onResponse() {}, onRequestError() {} }),
  sdk: () => ctx.fetch(url),
};
for (let i = 0; i < 300; i++) for (const v of Object.values(variants)) await v();
const res: Record<string, number[]> = {};
for (let i = 0; i < 3000; i++) for (const [k, v] of Object.entries(variants)) {
  const t = process.hrtime.bigint(); await v();
  (res[k] ??= []).push(Number(process.hrtime.bigint() - t) / 1000);
}
const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const [k, xs] of Object.entries(res)) console.log(k, med(xs).toFixed(1));
server.close(); server.closeAllConnections();
