import { ActionError } from "@plugboard/sdk";
import { defineAction } from "../generated/contract.gen.ts";
import { GRAPH_API, isUnknownObject, MEDIA_FIELDS } from "../instagram-api.ts";
import { type GraphMedia, toMedia } from "../media.ts";

/** Returns one media object of the account. */
export const getMedia = defineAction("get_media", async (inputs, context) => {
  const url = `${GRAPH_API}/${encodeURIComponent(inputs.media_id)}`;
  const response = await context
    .fetch<GraphMedia>(url, { params: { fields: MEDIA_FIELDS } })
    .catch((error: unknown) => {
      if (!isUnknownObject(error)) throw error;
      throw new ActionError(
        `Instagram media ${inputs.media_id} does not exist or does not belong to the connected account: take the id from List Media.`,
        { cause: error },
      );
    });
  return { data: { media: toMedia(response.data) } };
});
