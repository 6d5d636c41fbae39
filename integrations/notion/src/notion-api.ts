/** The Notion API root; every handler calls this origin. */
export const NOTION_API = "https://api.notion.com/v1";

/**
 * The API version Plugboard's schemas follow. Notion requires the header on every request;
 * 2022-06-28 is the last version where databases are queried directly (later versions move
 * rows to data sources).
 */
export const NOTION_HEADERS = { "Notion-Version": "2022-06-28" } as const;

/** Notion's list envelope, reduced to what the actions return. */
export type NotionList<T> = {
  results: T[];
  next_cursor: string | null;
  has_more: boolean;
};

/** Keeps the fields of a Notion list the list actions return. */
export function toList<T>(list: NotionList<T>): NotionList<T> {
  return { results: list.results, next_cursor: list.next_cursor, has_more: list.has_more };
}
