// provisional
export interface SearchInput {
/**
 * Text to match in titles; leave out to list everything shared.
 */
query?: string
/**
 * Only return pages or only databases.
 */
filter?: ("page" | "database")
/**
 * Order by last edited time.
 */
sort_direction?: ("ascending" | "descending")
/**
 * The next_cursor of a previous call, to get the next page.
 */
start_cursor?: string
/**
 * Results per page (1-100; Notion's default is 100).
 */
page_size?: number
}
export interface SearchOutput {
/**
 * Matching pages and databases.
 * 
 * Items: A page or database object.
 */
results: {
object: ("page" | "database")
id: string
[k: string]: unknown
}[]
/**
 * Pass as start_cursor to get the next page; null on the last page.
 */
next_cursor: (string | null)
/**
 * True when more results follow.
 */
has_more: boolean
[k: string]: unknown
}
export interface GetPageInput {
/**
 * The page id (with or without dashes), as in its URL.
 */
page_id: string
}
export interface GetPageOutput {
/**
 * A Notion page object.
 */
page: {
object: "page"
id: string
created_time: string
last_edited_time: string
/**
 * A partial user: its id.
 */
created_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * A partial user: its id.
 */
last_edited_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * True when the page is archived (in the trash).
 */
archived: boolean
in_trash?: boolean
/**
 * Emoji, external or file icon; null when none.
 */
icon?: ({
[k: string]: unknown
} | null)
/**
 * External or file cover; null when none.
 */
cover?: ({
[k: string]: unknown
} | null)
/**
 * Where the page lives: a page_id, database_id, block_id or the workspace.
 */
parent: {
type: ("page_id" | "database_id" | "block_id" | "workspace")
[k: string]: unknown
}
/**
 * Property values by property name, each in Notion's property value format.
 */
properties: {
[k: string]: unknown
}
url: string
public_url?: (string | null)
[k: string]: unknown
}
[k: string]: unknown
}
export interface CreatePageInput {
/**
 * Create the page inside this page. Give this or parent_database_id.
 */
parent_page_id?: string
/**
 * Create the page as a row of this database. Give this or parent_page_id.
 */
parent_database_id?: string
/**
 * The page title, stored in the property named by title_property.
 */
title?: string
/**
 * Name of the title property: "title" under a page; the database's title column (often "Name") under a database.
 */
title_property?: string
/**
 * Property values in Notion's format, by property name; merged with title.
 */
properties?: {

}
/**
 * Block objects in Notion's format, e.g. {"type":"paragraph","paragraph":{"rich_text":[{"text":{"content":"Hi"}}]}} (at most 100).
 * 
 * @minItems 1
 * @maxItems 100
 */
children?: [{
type: string
}, ...({
type: string
})[]]
/**
 * An icon, e.g. {"type":"emoji","emoji":"📝"}.
 */
icon?: {

}
/**
 * A cover, e.g. {"type":"external","external":{"url":"https://…"}}.
 */
cover?: {

}
}
export interface CreatePageOutput {
/**
 * A Notion page object.
 */
page: {
object: "page"
id: string
created_time: string
last_edited_time: string
/**
 * A partial user: its id.
 */
created_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * A partial user: its id.
 */
last_edited_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * True when the page is archived (in the trash).
 */
archived: boolean
in_trash?: boolean
/**
 * Emoji, external or file icon; null when none.
 */
icon?: ({
[k: string]: unknown
} | null)
/**
 * External or file cover; null when none.
 */
cover?: ({
[k: string]: unknown
} | null)
/**
 * Where the page lives: a page_id, database_id, block_id or the workspace.
 */
parent: {
type: ("page_id" | "database_id" | "block_id" | "workspace")
[k: string]: unknown
}
/**
 * Property values by property name, each in Notion's property value format.
 */
properties: {
[k: string]: unknown
}
url: string
public_url?: (string | null)
[k: string]: unknown
}
[k: string]: unknown
}
export interface UpdatePageInput {
/**
 * The page id (with or without dashes), as in its URL.
 */
page_id: string
/**
 * Property values to set, by property name, in Notion's format.
 */
properties?: {

}
/**
 * True moves the page to the trash; false restores it.
 */
archived?: boolean
/**
 * A new icon, or null to remove it.
 */
icon?: ({

} | null)
/**
 * A new cover, or null to remove it.
 */
cover?: ({

} | null)
}
export interface UpdatePageOutput {
/**
 * A Notion page object.
 */
page: {
object: "page"
id: string
created_time: string
last_edited_time: string
/**
 * A partial user: its id.
 */
created_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * A partial user: its id.
 */
last_edited_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * True when the page is archived (in the trash).
 */
archived: boolean
in_trash?: boolean
/**
 * Emoji, external or file icon; null when none.
 */
icon?: ({
[k: string]: unknown
} | null)
/**
 * External or file cover; null when none.
 */
cover?: ({
[k: string]: unknown
} | null)
/**
 * Where the page lives: a page_id, database_id, block_id or the workspace.
 */
parent: {
type: ("page_id" | "database_id" | "block_id" | "workspace")
[k: string]: unknown
}
/**
 * Property values by property name, each in Notion's property value format.
 */
properties: {
[k: string]: unknown
}
url: string
public_url?: (string | null)
[k: string]: unknown
}
[k: string]: unknown
}
export interface QueryDatabaseInput {
/**
 * The database id (with or without dashes), as in its URL.
 */
database_id: string
/**
 * A Notion filter object, e.g. {"property":"Status","status":{"equals":"Done"}}.
 */
filter?: {

}
/**
 * Sort objects, e.g. [{"property":"Due","direction":"ascending"}].
 */
sorts?: {

}[]
/**
 * The next_cursor of a previous call, to get the next page.
 */
start_cursor?: string
/**
 * Results per page (1-100; Notion's default is 100).
 */
page_size?: number
}
export interface QueryDatabaseOutput {
/**
 * Matching rows.
 * 
 * Items: A Notion page object.
 */
results: {
object: "page"
id: string
created_time: string
last_edited_time: string
/**
 * A partial user: its id.
 */
created_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * A partial user: its id.
 */
last_edited_by?: {
object?: string
id: string
[k: string]: unknown
}
/**
 * True when the page is archived (in the trash).
 */
archived: boolean
in_trash?: boolean
/**
 * Emoji, external or file icon; null when none.
 */
icon?: ({
[k: string]: unknown
} | null)
/**
 * External or file cover; null when none.
 */
cover?: ({
[k: string]: unknown
} | null)
/**
 * Where the page lives: a page_id, database_id, block_id or the workspace.
 */
parent: {
type: ("page_id" | "database_id" | "block_id" | "workspace")
[k: string]: unknown
}
/**
 * Property values by property name, each in Notion's property value format.
 */
properties: {
[k: string]: unknown
}
url: string
public_url?: (string | null)
[k: string]: unknown
}[]
/**
 * Pass as start_cursor to get the next page; null on the last page.
 */
next_cursor: (string | null)
/**
 * True when more results follow.
 */
has_more: boolean
[k: string]: unknown
}
export interface GetBlockChildrenInput {
/**
 * A page id or block id.
 */
block_id: string
/**
 * The next_cursor of a previous call, to get the next page.
 */
start_cursor?: string
/**
 * Results per page (1-100; Notion's default is 100).
 */
page_size?: number
}
export interface GetBlockChildrenOutput {
/**
 * The child blocks, in order.
 * 
 * Items: A Notion block; its content sits under the key named by `type`.
 */
results: {
object: "block"
id: string
/**
 * The block type, e.g. paragraph, heading_1, to_do, bulleted_list_item.
 */
type: string
has_children: boolean
archived?: boolean
created_time?: string
last_edited_time?: string
[k: string]: unknown
}[]
/**
 * Pass as start_cursor to get the next page; null on the last page.
 */
next_cursor: (string | null)
/**
 * True when more results follow.
 */
has_more: boolean
[k: string]: unknown
}
export interface AppendBlockChildrenInput {
/**
 * The page id or block id to append to.
 */
block_id: string
/**
 * Block objects in Notion's format, e.g. {"type":"paragraph","paragraph":{"rich_text":[{"text":{"content":"Hi"}}]}} (at most 100).
 * 
 * @minItems 1
 * @maxItems 100
 */
children: [{
type: string
}, ...({
type: string
})[]]
/**
 * Insert after this child block id instead of at the end.
 */
after?: string
}
export interface AppendBlockChildrenOutput {
/**
 * The parent's first page of children after the append, including the new blocks.
 * 
 * Items: A Notion block; its content sits under the key named by `type`.
 */
results: {
object: "block"
id: string
/**
 * The block type, e.g. paragraph, heading_1, to_do, bulleted_list_item.
 */
type: string
has_children: boolean
archived?: boolean
created_time?: string
last_edited_time?: string
[k: string]: unknown
}[]
[k: string]: unknown
}
export type Credentials = Record<string, unknown>;
export interface Actions {
  search: { input: SearchInput; output: SearchOutput };
  get_page: { input: GetPageInput; output: GetPageOutput };
  create_page: { input: CreatePageInput; output: CreatePageOutput };
  update_page: { input: UpdatePageInput; output: UpdatePageOutput };
  query_database: { input: QueryDatabaseInput; output: QueryDatabaseOutput };
  get_block_children: { input: GetBlockChildrenInput; output: GetBlockChildrenOutput };
  append_block_children: { input: AppendBlockChildrenInput; output: AppendBlockChildrenOutput };
}
export interface Triggers {

}
