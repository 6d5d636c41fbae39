import type { ExecutionContext } from "@plugboard/sdk";
import type { GetItemOutput } from "./generated/types.gen.ts";
import { fetchItem } from "./hn-item.ts";

/** One comment of a flattened thread. */
export type ThreadComment = GetItemOutput["comments"][number];

/** A thread walked depth-first, and whether the bounds cut it short. */
export interface Thread {
  comments: ThreadComment[];
  truncated: boolean;
}

/**
 * Follows `kids` depth-first from an item, in reading order, stopping at `maxDepth` levels and
 * `maxComments` comments; each level's siblings are fetched in parallel.
 */
export async function fetchThread<C>(
  context: ExecutionContext<C>,
  root: { id: number; kids?: number[] },
  maxDepth: number,
  maxComments: number,
): Promise<Thread> {
  const comments: ThreadComment[] = [];
  let truncated = false;
  const walk = async (kids: number[] | undefined, parent: number, depth: number) => {
    if (!kids?.length) return;
    const room = maxComments - comments.length;
    if (depth > maxDepth || room <= 0) {
      truncated = true;
      return;
    }
    if (kids.length > room) truncated = true;
    const fetched = await Promise.all(kids.slice(0, room).map((id) => fetchItem(context, id)));
    for (const raw of fetched) {
      if (raw === null) continue;
      if (comments.length >= maxComments) {
        truncated = true;
        return;
      }
      comments.push({
        id: raw.id,
        parent: raw.parent ?? parent,
        depth,
        by: raw.by ?? null,
        time: raw.time ?? 0,
        text: raw.text ?? null,
        deleted: raw.deleted ?? false,
        dead: raw.dead ?? false,
        kids_count: raw.kids?.length ?? 0,
      });
      await walk(raw.kids, raw.id, depth + 1);
    }
  };
  await walk(root.kids, root.id, 1);
  return { comments, truncated };
}
