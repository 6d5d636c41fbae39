// A queue worker in a process of its own, as `plugboard worker` runs: the process tests start
// two of these and kill one. Arguments: <integration dir> <redis url> <queue> <api origin>.
import { createExecutor } from "@plugboard/server";
import { scheduleTrigger, startWorker } from "../src/index.ts";

const [dir, redis, queue, apiOrigin, schedule] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string | undefined,
];
const executor = await createExecutor({
  integrations: [dir],
  workers: 2,
  prefer: "source",
  originOverrides: { "https://api.queue.test": apiOrigin },
});
const running = await startWorker({
  executor,
  redis,
  queue,
  concurrency: 8,
  // Short locks, so a killed worker's job is found stalled within seconds.
  lockDuration: 4000,
  stalledInterval: 1000,
});
if (schedule) await scheduleTrigger(running.queue, executor, schedule, { auth: { api_key: "k" } });
process.stdout.write("ready\n");
process.once("SIGTERM", () => {
  void running
    .close()
    .then(() => executor.close())
    .then(() => process.exit(0));
});
