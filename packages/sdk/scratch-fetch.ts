import { createServer } from "node:http";
import { ofetch } from "ofetch";
const server = createServer((_q, res) => { res.writeHead(200, { "content-type": "application/json" }); res.end('{"id":1}'); });
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(server.address() as any).port}/x`;
const ac = new AbortController();
const variants: Record<string, () => Promise<unknown>> = {
  bare: async () => (await fetch(url, { headers: { Authorization: "Bearer b" } })).json(),
  bareTimeoutSignal: async () => (await fetch(url, { headers: { Authorization: "Bearer b" }, signal: AbortSignal.timeout(30000) })).json(),
  bareAnySignal: async () => (await fetch(url, { headers: { Authorization: "Bearer b" }, signal: AbortSignal.any([ac.signal, AbortSignal.timeout(30000)]) })).json(),
  ofetchRaw: () => ofetch.raw(url, { headers: { Authorization: "Bearer b" }, responseType: "text", ignoreResponseError: true }),
  ofetchHooks: () => ofetch.raw(url, { headers: { Authorization: "Bearer b" }, responseType: "text", ignoreResponseError: true, retry: 3, retryStatusCodes: [500], onRequest() {}, onResponse() {}, onRequestError() {} }),
  ofetchTimeoutOpt: () => ofetch.raw(url, { headers: { Authorization: "Bearer b" }, responseType: "text", ignoreResponseError: true, timeout: 30000 }),
};
for (let i = 0; i < 300; i++) for (const v of Object.values(variants)) await v();
const res: Record<string, number[]> = {};
for (let round = 0; round < 10; round++) for (const [k, v] of Object.entries(variants)) {
  const t = process.hrtime.bigint(); for (let i = 0; i < 200; i++) await v();
  (res[k] ??= []).push(Number(process.hrtime.bigint() - t) / 200 / 1000);
}
for (const [k, xs] of Object.entries(res)) console.log(k, xs.sort((a, b) => a - b)[5]?.toFixed(1));
server.close(); server.closeAllConnections();
