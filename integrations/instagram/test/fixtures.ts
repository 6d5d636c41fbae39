/** Objects shaped like the Instagram Graph API's documented responses (Instagram Login). */

export const profile = {
  user_id: "17841405822304914",
  username: "lumen.ceramics",
  name: "Lumen Ceramics",
  account_type: "BUSINESS",
  profile_picture_url: "https://scontent.cdninstagram.com/v/t51.2885-19/447120371_n.jpg",
  biography: "Hand-thrown stoneware from Leeds.",
  followers_count: 1873,
  follows_count: 212,
  media_count: 164,
  id: "7712345678901234",
};

export const photo = {
  id: "18027939643044463",
  caption: "Fresh out of the kiln: speckled oat glaze.",
  media_type: "IMAGE",
  media_product_type: "FEED",
  media_url: "https://scontent.cdninstagram.com/v/t51.29350-15/466028102_n.jpg",
  permalink: "https://www.instagram.com/p/DCx1Yb2sN4q/",
  timestamp: "2026-11-18T17:42:10+0000",
  username: "lumen.ceramics",
  like_count: 214,
  comments_count: 9,
};

/** A reel without caption, with its like count hidden by the owner. */
export const reel = {
  id: "18045117319102288",
  media_type: "VIDEO",
  media_product_type: "REELS",
  media_url: "https://scontent.cdninstagram.com/o1/v/t16/f2/m86/AQN3_reel.mp4",
  thumbnail_url: "https://scontent.cdninstagram.com/v/t51.29350-15/466111222_n.jpg",
  permalink: "https://www.instagram.com/reel/DCv8aW1oR2z/",
  timestamp: "2026-11-15T09:03:55+0000",
  username: "lumen.ceramics",
  comments_count: 31,
};

export const comments = [
  {
    id: "17858893269000001",
    text: "Is this dishwasher safe?",
    timestamp: "2026-11-18T18:01:44+0000",
    username: "potterypaul",
    like_count: 2,
    hidden: false,
    replies: { data: [{ id: "17858893269000002", timestamp: "2026-11-18T18:30:00+0000" }] },
  },
  {
    id: "17858893269000003",
    text: "Gorgeous 😍",
    timestamp: "2026-11-18T19:12:09+0000",
    username: "ana.makes",
    like_count: 0,
    hidden: false,
  },
];

/** A Graph API page with cursors; `next` only when there is a next page. */
export function graphPage(data: unknown[], after: string | null) {
  return {
    data,
    paging: {
      cursors: { before: "QVFIUmJlZm9yZQ", after: after ?? "QVFIUmxhc3Q" },
      ...(after
        ? { next: `https://graph.instagram.com/v23.0/17841405822304914/media?after=${after}` }
        : {}),
    },
  };
}

/** The Graph API's error body. */
export function graphError(code: number, message: string, type = "OAuthException") {
  return { error: { message, type, code, fbtrace_id: "AbCdEf0123456789" } };
}
