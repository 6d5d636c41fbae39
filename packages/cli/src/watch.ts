import { type FSWatcher, watch } from "node:fs";
import { reportOutcome, summarise } from "./report-outcome.ts";
import { runCodegen } from "./run-codegen.ts";

/**
 * Regenerates an integration whenever its config.json is saved (debounced: editors write in
 * several steps), until SIGINT or SIGTERM; resolves with exit code 0 then.
 */
export function watchIntegrations(dirs: string[], signal?: AbortSignal): Promise<number> {
  return new Promise((resolve) => {
    const watchers: FSWatcher[] = [];
    const timers = new Map<string, NodeJS.Timeout>();
    let running: Promise<void> = Promise.resolve();
    const regenerate = async (dir: string) => {
      const started = performance.now();
      const outcomes = await runCodegen([dir], {
        onOutcome: (o, d, t) => reportOutcome(o, d, t, false),
      });
      process.stdout.write(
        `${summarise(outcomes, false, performance.now() - started).line} (${dir})\n`,
      );
    };
    for (const dir of dirs) {
      // Watching the folder, not the file: editors that save by rename replace the file's inode.
      const watcher = watch(dir, (_event, name) => {
        if (name !== "config.json") return;
        clearTimeout(timers.get(dir));
        const timer = setTimeout(() => {
          // One regeneration at a time, so `stop` can wait for the last one.
          running = running
            .then(() => regenerate(dir))
            .catch((error: unknown) => {
              process.stderr.write(`plugboard codegen: ${dir}: ${(error as Error).message}\n`);
            });
        }, 100);
        timers.set(dir, timer);
      });
      watchers.push(watcher);
    }
    process.stdout.write(
      `Watching ${dirs.length} config.json file${dirs.length === 1 ? "" : "s"}; Ctrl-C to stop\n`,
    );
    const stop = () => {
      for (const watcher of watchers) watcher.close();
      for (const timer of timers.values()) clearTimeout(timer);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      // Let a regeneration under way finish and report before returning.
      void running.then(() => resolve(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    signal?.addEventListener("abort", stop);
  });
}
