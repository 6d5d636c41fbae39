import { defineAction } from "../generated/contract.gen.ts";
import { MEDIA_FIELDS } from "../instagram-api.ts";
import { type GraphMedia, toMedia } from "../media.ts";

/** Returns one media object of the account (an unknown id is mapped by `instagramErrors`). */
export const getMedia = defineAction("get_media", async (inputs, context) => {
  const response = await context.fetch<GraphMedia>(`/${encodeURIComponent(inputs.media_id)}`, {
    params: { fields: MEDIA_FIELDS },
  });
  return { data: { media: toMedia(response.data) } };
});
