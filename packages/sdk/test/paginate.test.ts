import { type RecordingServer, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import { ExecutionContext, PaginationError, RateLimitError } from "../src/index.ts";

const API = "https://api.example.com";
let server: RecordingServer;
let context: ExecutionContext;

async function serve(routes: Parameters<typeof startRecordingServer>[0]) {
  server = await startRecordingServer(routes);
  context = new ExecutionContext({
    auth: { auth_type: "PlatformOauth2", credentials: { access_token: "tok-123456" } },
    originOverrides: { [API]: server.origin },
    requestConfig: { maxRetries: 2, retryDelay: () => 1 },
  });
}

afterEach(async () => {
  await context?.close();
  await server?.close();
});

type Task = { id: number };
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ id: from + i }));

describe("context.paginate", () => {
  it("follows a cursor from the body into the query, with auth on every page", async () => {
    await serve({
      "GET /tasks": (request) => {
        const token = request.query.pageToken;
        if (token === undefined) return { body: { items: range(1, 2), nextPageToken: "p2" } };
        if (token === "p2") return { body: { items: range(3, 4), nextPageToken: "p3" } };
        return { body: { items: range(5, 5) } };
      },
    });
    const tasks = await context
      .paginate<Task>(`${API}/tasks`, {
        type: "cursor",
        cursorPath: "nextPageToken",
        cursorParam: "pageToken",
        items: "items",
        limit: 2,
        limitParam: "maxResults",
        params: { showCompleted: false },
      })
      .all();
    expect(tasks.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    expect(server.requests.map((r) => r.query)).toEqual([
      { showCompleted: "false", maxResults: "2" },
      { showCompleted: "false", maxResults: "2", pageToken: "p2" },
      { showCompleted: "false", maxResults: "2", pageToken: "p3" },
    ]);
    for (const request of server.requests) {
      expect(request.headers.authorization).toBe("Bearer tok-123456");
    }
  });

  it("sends a cursor in the JSON body (Notion's start_cursor / next_cursor)", async () => {
    await serve({
      "POST /v1/search": (request) => {
        const body = request.body as { start_cursor?: string; query: string };
        return body.start_cursor === "c2"
          ? { body: { results: range(3, 3), next_cursor: null, has_more: false } }
          : { body: { results: range(1, 2), next_cursor: "c2", has_more: true } };
      },
    });
    const ids: number[] = [];
    for await (const page of context.paginate<Task>(`${API}/v1/search`, {
      method: "POST",
      json: { query: "x" },
      type: "cursor",
      cursorPath: "next_cursor",
      cursorParam: "start_cursor",
      cursorIn: "body",
      items: "results",
    })) {
      ids.push(page.id);
    }
    expect(ids).toEqual([1, 2, 3]);
    expect(server.requests.map((r) => r.body)).toEqual([
      { query: "x" },
      { query: "x", start_cursor: "c2" },
    ]);
  });

  it("follows the Link header's next URL, without repeating the first page's params", async () => {
    await serve({
      "GET /repos/o/r/issues": (request) => {
        const page = Number(request.query.page ?? 1);
        const headers: Record<string, string> =
          page < 3
            ? {
                link: `<${API}/repos/o/r/issues?state=open&page=${page + 1}>; rel="next", <${API}/repos/o/r/issues?state=open&page=3>; rel="last"`,
              }
            : {};
        return { headers, body: range(page * 10, page * 10) };
      },
    });
    const issues = await context
      .paginate<Task>(`${API}/repos/o/r/issues`, { type: "link", params: { state: "open" } })
      .all();
    expect(issues.map((i) => i.id)).toEqual([10, 20, 30]);
    expect(server.requests.map((r) => r.query)).toEqual([
      { state: "open" },
      { state: "open", page: "2" },
      { state: "open", page: "3" },
    ]);
  });

  it("reads a next URL from the body, and refuses one to another origin", async () => {
    await serve({
      "GET /items": (request) =>
        request.query.after
          ? { body: { data: range(2, 2), links: { next: "https://evil.example/steal" } } }
          : { body: { data: range(1, 1), links: { next: "/items?after=1" } } },
    });
    const seen: number[] = [];
    const iterate = async () => {
      for await (const item of context.paginate<Task>(`${API}/items`, {
        type: "link",
        linkPath: "links.next",
        items: "data",
      })) {
        seen.push(item.id);
      }
    };
    const error = await iterate().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ reason: "foreign_next_link" });
    expect((error as Error).message).toContain("links to another origin (https://evil.example)");
    expect(seen).toEqual([1, 2]);
    expect(server.requests).toHaveLength(2);
  });

  it("offset/limit: stops at a short page", async () => {
    await serve({
      "GET /contacts": (request) => {
        const offset = Number(request.query.offset);
        return { body: range(offset + 1, Math.min(offset + 3, 7)) };
      },
    });
    const contacts = await context
      .paginate<Task>(`${API}/contacts`, {
        type: "offset",
        offsetParam: "offset",
        limit: 3,
        limitParam: "limit",
      })
      .all();
    expect(contacts.map((c) => c.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(server.requests.map((r) => r.query.offset)).toEqual(["0", "3", "6"]);
  });

  it("page numbers: stops at an empty page", async () => {
    await serve({
      "GET /tickets": (request) => {
        const page = Number(request.query.page);
        return { body: page <= 2 ? range(page * 100, page * 100 + 1) : [] };
      },
    });
    const tickets = await context
      .paginate<Task>(`${API}/tickets`, { type: "page", pageParam: "page" })
      .all();
    expect(tickets.map((t) => t.id)).toEqual([100, 101, 200, 201]);
    expect(server.requests.map((r) => r.query.page)).toEqual(["1", "2", "3"]);
  });

  it("maxItems stops early without reading further pages", async () => {
    await serve({
      "GET /tickets": (request) => ({
        body: range(1, 5).map((t) => ({ id: t.id + 10 * Number(request.query.page) })),
      }),
    });
    const tickets = await context
      .paginate<Task>(`${API}/tickets`, { type: "page", pageParam: "page", maxItems: 7 })
      .all();
    expect(tickets).toHaveLength(7);
    expect(server.requests).toHaveLength(2);
  });

  it("maxPages guards a listing that never ends, saying how to fix it", async () => {
    let n = 0;
    await serve({ "GET /feed": () => ({ body: { items: [{ id: n }], next: `c${n++}` } }) });
    const failure = context
      .paginate<Task>(`${API}/feed`, {
        type: "cursor",
        cursorPath: "next",
        cursorParam: "cursor",
        items: "items",
        maxPages: 4,
      })
      .all();
    await expect(failure).rejects.toThrow(PaginationError);
    await expect(failure).rejects.toThrow(
      `[GET] ${API}/feed: more than 4 pages; stopped there. Narrow the listing with filters, or raise maxPages`,
    );
    expect(server.requests).toHaveLength(4);
  });

  it("a repeated cursor stops the loop", async () => {
    await serve({ "GET /feed": () => ({ body: { items: [], next: "same" } }) });
    const failure = context
      .paginate(`${API}/feed`, {
        type: "cursor",
        cursorPath: "next",
        cursorParam: "c",
        items: "items",
      })
      .all();
    await expect(failure).rejects.toMatchObject({ reason: "repeated_cursor" });
    expect(server.requests).toHaveLength(2);
  });

  it("a page without its list says where it looked", async () => {
    await serve({ "GET /x": { body: { results: [] } } });
    const failure = context.paginate(`${API}/x`, { type: "page", pageParam: "p" }).all();
    await expect(failure).rejects.toThrow(
      `[GET] ${API}/x: page 1 has no item list; set \`items\` to the path of the list`,
    );
  });

  it("pages go through context.fetch: a 429 is a RateLimitError, a 500 an HTTPError", async () => {
    let calls = 0;
    await serve({
      "GET /tasks": (request) => {
        calls++;
        if (calls === 2) throw new Error("boom"); // answered 500: not retried, an HTTPError
        return { body: { items: [{ id: calls }], next: request.query.c ? undefined : "c2" } };
      },
      "GET /limited": {
        status: 429,
        headers: { "retry-after": "7" },
        body: { error: "slow down" },
      },
    });
    const limited = context.paginate(`${API}/limited`, { type: "page", pageParam: "p" }).all();
    await expect(limited).rejects.toBeInstanceOf(RateLimitError);
    await expect(limited).rejects.toMatchObject({ retryAfter: 7 });
    const failing = context
      .paginate(`${API}/tasks`, {
        type: "cursor",
        cursorPath: "next",
        cursorParam: "c",
        items: "items",
      })
      .all();
    await expect(failing).rejects.toMatchObject({ name: "HTTPError", status: 500 });
  });

  it("reads pages lazily: breaking out of the loop requests no more", async () => {
    await serve({
      "GET /t": (r) => ({ body: range(Number(r.query.page) * 10, Number(r.query.page) * 10 + 2) }),
    });
    for await (const item of context.paginate<Task>(`${API}/t`, {
      type: "page",
      pageParam: "page",
    })) {
      if (item.id === 11) break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("firstPage reads one page and says what asks for the next; pages() walks them", async () => {
    await serve({
      "GET /media": (request) => {
        const after = request.query.after;
        // Graph-style paging: cursors are always present, `next` only when a page follows.
        if (after === undefined) {
          return { body: { data: range(1, 2), paging: { cursors: { after: "a2" }, next: "x" } } };
        }
        return { body: { data: range(3, 3), paging: { cursors: { after: "a3" } } } };
      },
    });
    const graph = {
      type: "cursor",
      cursorPath: (response: { data: unknown }) => {
        const paging = (
          response.data as { paging?: { cursors?: { after?: string }; next?: string } }
        ).paging;
        return paging?.next ? paging.cursors?.after : undefined;
      },
      cursorParam: "after",
      items: "data",
      limit: 2,
      limitParam: "limit",
    } as const;
    const first = await context.paginate<Task>(`${API}/media`, graph).firstPage();
    expect(first.items.map((t) => t.id)).toEqual([1, 2]);
    expect(first.next).toBe("a2");
    expect(server.requests).toHaveLength(1);

    const resumed = await context
      .paginate<Task>(`${API}/media`, { ...graph, params: { after: first.next } })
      .firstPage();
    expect(resumed.items.map((t) => t.id)).toEqual([3]);
    expect(resumed.next).toBeUndefined();

    const walked: Array<[number[], string | undefined]> = [];
    for await (const page of context.paginate<Task>(`${API}/media`, graph).pages()) {
      walked.push([page.items.map((t) => t.id), page.next]);
    }
    expect(walked).toEqual([
      [[1, 2], "a2"],
      [[3], undefined],
    ]);
    expect(server.requests.map((r) => r.query)).toEqual([
      { limit: "2" },
      { limit: "2", after: "a2" },
      { limit: "2" },
      { limit: "2", after: "a2" },
    ]);
  });

  it("offset and page numbers: next is the following offset or page, none after a short page", async () => {
    await serve({
      "GET /o": (r) => ({ body: Number(r.query.offset) === 0 ? range(1, 2) : range(3, 3) }),
    });
    const pages: Array<string | undefined> = [];
    for await (const page of context
      .paginate<Task>(`${API}/o`, {
        type: "offset",
        offsetParam: "offset",
        limit: 2,
        limitParam: "n",
      })
      .pages()) {
      pages.push(page.next);
    }
    expect(pages).toEqual(["2", undefined]);
  });
});
