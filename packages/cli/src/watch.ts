import { once } from "node:events";
import { type FSWatcher, watch } from "node:fs";
import { reportOutcome, summarise } from "./report-outcome.ts";
import { runCodegen } from "./run-codegen.ts";

async function regenerate(dir: string): Promise<void> {
  const started = performance.now();
  const outcomes = await runCodegen([dir], {
    onOutcome: (o, d, t) => reportOutcome(o, d, t, false),
  });
  process.stdout.write(
    `${summarise(outcomes, false, performance.now() - started).line} (${dir})\n`,
  );
}

/**
 * Regenerates an integration whenever its config.json is saved (debounced: editors write in
 * several steps), until SIGINT, SIGTERM or `signal`; resolves with exit code 0 then.
 */
export async function watchIntegrations(dirs: string[], signal?: AbortSignal): Promise<number> {
  const stopped = new AbortController();
  const stop = () => stopped.abort();
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  signal?.addEventListener("abort", stop, { once: true });
  if (signal?.aborted) stop();
  const timers = new Map<string, NodeJS.Timeout>();
  // One regeneration at a time, so stopping can wait for the last one.
  let running = Promise.resolve();
  const watchers: FSWatcher[] = dirs.map((dir) =>
    // Watching the folder, not the file: editors that save by rename replace the file's inode.
    watch(dir, (_event, name) => {
      if (name !== "config.json") return;
      clearTimeout(timers.get(dir));
      const timer = setTimeout(() => {
        running = running
          .then(() => regenerate(dir))
          .catch((error: unknown) => {
            process.stderr.write(`plugboard codegen: ${dir}: ${(error as Error).message}\n`);
          });
      }, 100);
      timers.set(dir, timer);
    }),
  );
  process.stdout.write(
    `Watching ${dirs.length} config.json file${dirs.length === 1 ? "" : "s"}; Ctrl-C to stop\n`,
  );
  if (!stopped.signal.aborted) await once(stopped.signal, "abort");
  for (const watcher of watchers) watcher.close();
  for (const timer of timers.values()) clearTimeout(timer);
  process.off("SIGINT", stop);
  process.off("SIGTERM", stop);
  // Let a regeneration under way finish and report before returning.
  await running;
  return 0;
}
