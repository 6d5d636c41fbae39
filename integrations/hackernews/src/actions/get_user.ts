import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";

interface HnUser {
  id: string;
  created: number;
  karma: number;
  about?: string;
  submitted?: number[];
}

/** Returns a user's public profile and latest submissions. */
export const getUser = defineAction("get_user", async (inputs, context) => {
  const url = `/user/${encodeURIComponent(inputs.username)}.json`;
  const user = (await context.fetch<HnUser | null>(url)).data;
  if (!user) {
    throw new ActionError(
      `Hacker News has no user "${inputs.username}": usernames are case-sensitive.`,
    );
  }
  return {
    data: {
      id: user.id,
      created: user.created,
      karma: user.karma,
      about: user.about ?? null,
      submission_count: user.submitted?.length ?? 0,
      recent_submissions: (user.submitted ?? []).slice(0, 30),
      profile_url: `https://news.ycombinator.com/user?id=${encodeURIComponent(user.id)}`,
    },
  };
});
