import { type DedupeStrategy, parsePollingInterval } from "@plugboard/sdk";
import type { Executor } from "@plugboard/server";

/** What the worker needs of a polling trigger's config.json entry. */
export interface TriggerInfo {
  /** `polling_interval` in milliseconds. */
  intervalMs: number;
  dedupe: DedupeStrategy | undefined;
}

/** The schedule and dedupe of `<integration>.<trigger>`, or `undefined` when there is none. */
export function triggerInfo(executor: Executor, qualifiedName: string): TriggerInfo | undefined {
  const dot = qualifiedName.indexOf(".");
  const served = executor.integrations.find((i) => i.name === qualifiedName.slice(0, dot));
  const trigger = served?.config.polling_triggers?.[qualifiedName.slice(dot + 1)];
  if (dot <= 0 || !trigger) return undefined;
  return { intervalMs: parsePollingInterval(trigger.polling_interval), dedupe: trigger.dedupe };
}
