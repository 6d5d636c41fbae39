// The baseline of the throughput benchmark: a bare Hono app that returns JSON, on the same
// node:http adapter `plugboard serve` uses, in a process of its own.
import { serve } from "@hono/node-server";
import { Hono } from "hono";

const app = new Hono();
app.post("/integrations/probe/actions/noop", (c) =>
  c.json({ version: "2.0.0", type: "action", result: { data: {}, cost_usd: null } }),
);
const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, (info) => {
  process.stdout.write(`Bare Hono: http://127.0.0.1:${info.port}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
