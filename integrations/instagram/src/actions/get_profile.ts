import { defineAction } from "../generated/contract.gen.ts";
import { PROFILE_FIELDS } from "../instagram-api.ts";

interface GraphProfile {
  user_id: string;
  username: string;
  name?: string;
  account_type: string;
  profile_picture_url?: string;
  biography?: string;
  website?: string;
  followers_count: number;
  follows_count: number;
  media_count: number;
}

/** Returns the connected account's profile and counts. */
export const getProfile = defineAction("get_profile", async (_inputs, context) => {
  const response = await context.fetch<GraphProfile>("/me", {
    params: { fields: PROFILE_FIELDS },
  });
  const p = response.data;
  return {
    data: {
      user_id: String(p.user_id),
      username: p.username,
      name: p.name ?? null,
      account_type: p.account_type,
      profile_picture_url: p.profile_picture_url ?? null,
      biography: p.biography ?? null,
      website: p.website ?? null,
      followers_count: p.followers_count,
      follows_count: p.follows_count,
      media_count: p.media_count,
    },
  };
});
