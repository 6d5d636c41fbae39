import { getMedia } from "./actions/get_media.ts";
import { getProfile } from "./actions/get_profile.ts";
import { listComments } from "./actions/list_comments.ts";
import { listMedia } from "./actions/list_media.ts";
import { replyToComment } from "./actions/reply_to_comment.ts";
import { connectedAccount } from "./connected-account.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";
import { instagramErrors, instagramRequests } from "./instagram-api.ts";

/**
 * The Instagram integration, ready to execute actions and describe the connected account:
 * handlers call Graph API paths, and an id the Graph API does not know is an action error.
 */
export const integration = createIntegration({
  actions: {
    get_profile: getProfile,
    list_media: listMedia,
    get_media: getMedia,
    list_comments: listComments,
    reply_to_comment: replyToComment,
  } satisfies Handlers,
  connectedAccount,
})
  .requests(instagramRequests)
  .mapErrors(instagramErrors);
