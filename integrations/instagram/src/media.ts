import type { GetMediaOutput } from "./generated/types.gen.ts";

/** A media object as the Graph API returns it: absent fields are left out, not null. */
export interface GraphMedia {
  id: string;
  caption?: string;
  media_type: "IMAGE" | "VIDEO" | "CAROUSEL_ALBUM";
  media_product_type?: string;
  media_url?: string;
  thumbnail_url?: string;
  permalink: string;
  timestamp: string;
  username?: string;
  like_count?: number;
  comments_count?: number;
}

/** Plugboard's media shape, with `null` for what the API left out. */
export type Media = GetMediaOutput["media"];

/** Normalises a Graph API media object. */
export function toMedia(raw: GraphMedia): Media {
  return {
    id: raw.id,
    caption: raw.caption ?? null,
    media_type: raw.media_type,
    media_product_type: raw.media_product_type ?? null,
    media_url: raw.media_url ?? null,
    thumbnail_url: raw.thumbnail_url ?? null,
    permalink: raw.permalink,
    timestamp: raw.timestamp,
    ...(raw.username === undefined ? {} : { username: raw.username }),
    like_count: raw.like_count ?? null,
    comments_count: raw.comments_count ?? null,
  };
}
