import { getBestStories } from "./actions/get_best_stories.ts";
import { getItem } from "./actions/get_item.ts";
import { getNewStories } from "./actions/get_new_stories.ts";
import { getTopStories } from "./actions/get_top_stories.ts";
import { getUser } from "./actions/get_user.ts";
import {
  createIntegration,
  type Handlers,
  type TriggerHandlers,
} from "./generated/contract.gen.ts";
import { hackerNewsRequests } from "./hn-item.ts";
import { newStories } from "./triggers/new_stories.ts";

/**
 * The Hacker News integration, ready to execute actions and poll for new stories. No error
 * mapping is declared: the API answers an unknown id with `null`, not an error status, so
 * `get_item` and `get_user` check for it themselves.
 */
export const integration = createIntegration({
  actions: {
    get_top_stories: getTopStories,
    get_new_stories: getNewStories,
    get_best_stories: getBestStories,
    get_item: getItem,
    get_user: getUser,
  } satisfies Handlers,
  triggers: { new_stories: newStories } satisfies TriggerHandlers,
}).requests(hackerNewsRequests);
