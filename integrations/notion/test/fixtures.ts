/** Objects shaped like the Notion API's documented responses (version 2022-06-28). */

const user = (id: string) => ({ object: "user", id });

/** A database row page. */
export const kalePage = {
  object: "page",
  id: "59833787-2cf9-4fdf-8782-e53db20768a5",
  created_time: "2022-03-01T19:05:00.000Z",
  last_edited_time: "2022-07-06T20:25:00.000Z",
  created_by: user("ee5f0f84-409a-440f-983a-a5315961c6e4"),
  last_edited_by: user("0c3e9826-b8f7-4f73-927d-2caaf86f1103"),
  cover: null,
  icon: { type: "emoji", emoji: "🥬" },
  parent: { type: "database_id", database_id: "d9824bdc-8445-4327-be8b-5b47500af6ce" },
  archived: false,
  in_trash: false,
  properties: {
    Name: {
      id: "title",
      type: "title",
      title: [
        {
          type: "text",
          text: { content: "Tuscan kale", link: null },
          annotations: {
            bold: false,
            italic: false,
            strikethrough: false,
            underline: false,
            code: false,
            color: "default",
          },
          plain_text: "Tuscan kale",
          href: null,
        },
      ],
    },
    "In stock": { id: "%7Bx%3DQ", type: "checkbox", checkbox: true },
  },
  url: "https://www.notion.so/Tuscan-kale-598337872cf94fdf8782e53db20768a5",
  public_url: null,
};

/** A database as search returns it. */
export const groceryDatabase = {
  object: "database",
  id: "d9824bdc-8445-4327-be8b-5b47500af6ce",
  created_time: "2021-07-08T23:50:00.000Z",
  last_edited_time: "2022-07-06T20:25:00.000Z",
  title: [
    { type: "text", text: { content: "Grocery list", link: null }, plain_text: "Grocery list" },
  ],
  properties: {},
  parent: { type: "page_id", page_id: "98ad959b-2b6a-4774-80ee-00246fb0ea9b" },
  url: "https://www.notion.so/d9824bdc84454327be8b5b47500af6ce",
  archived: false,
  is_inline: false,
};

/** A paragraph block. */
export const paragraph = {
  object: "block",
  id: "c02fc1d3-db8b-45c5-a222-27595b15aea7",
  parent: { type: "page_id", page_id: "59833787-2cf9-4fdf-8782-e53db20768a5" },
  created_time: "2022-03-01T19:05:00.000Z",
  last_edited_time: "2022-03-01T19:05:00.000Z",
  created_by: user("ee5f0f84-409a-440f-983a-a5315961c6e4"),
  last_edited_by: user("ee5f0f84-409a-440f-983a-a5315961c6e4"),
  has_children: false,
  archived: false,
  in_trash: false,
  type: "paragraph",
  paragraph: {
    rich_text: [
      {
        type: "text",
        text: { content: "Lacinato kale is a variety of kale.", link: null },
        plain_text: "Lacinato kale is a variety of kale.",
        href: null,
      },
    ],
    color: "default",
  },
};

/** Wraps results in Notion's list envelope. */
export function list(
  results: unknown[],
  nextCursor: string | null = null,
  type = "page_or_database",
) {
  return {
    object: "list",
    results,
    next_cursor: nextCursor,
    has_more: nextCursor !== null,
    type,
    [type]: {},
    request_id: "8a3b1f6e-2c4d-4e5f-9a0b-1c2d3e4f5a6b",
  };
}

/** Notion's error body. */
export function notionError(status: number, code: string, message: string) {
  return {
    object: "error",
    status,
    code,
    message,
    request_id: "f6c1a7a2-9b3e-4f0d-8f5e-3d0f2b1c4a5e",
  };
}
