import { ExecutionContext, RateLimitError } from "@plugboard/sdk";
import { type RecordingServer, type Routes, startRecordingServer } from "@plugboard/testing";
import { afterEach, describe, expect, it } from "vitest";
import type { CreateTicketInput } from "../src/generated/types.gen.ts";
import { integration } from "../src/index.ts";
import { contact, incomingConversation, listedTicket, note, reply, ticket } from "./fixtures.ts";

const API_KEY = "Fd7pQ2sXk9LmN3vB";
const BASIC = `Basic ${Buffer.from(`${API_KEY}:X`).toString("base64")}`;
let server: RecordingServer;

async function serve(routes: Routes, domain = "acme"): Promise<ExecutionContext> {
  server = await startRecordingServer(routes);
  return new ExecutionContext({
    auth: { api_key: API_KEY, domain },
    originOverrides: { "https://acme.freshdesk.com": server.origin },
  });
}

function only() {
  expect(server.requests).toHaveLength(1);
  const request = server.requests[0];
  if (!request) throw new Error("no request");
  expect(request.headers.authorization).toBe(BASIC);
  return request;
}

afterEach(async () => {
  await server?.close();
});

describe("tickets", () => {
  it("list_tickets sends the filters as query parameters with Basic auth", async () => {
    const context = await serve({ "GET /api/v2/tickets": { body: [listedTicket] } });
    const result = await integration.executeAction(
      "list_tickets",
      {
        email: "mira.okafor@example.com",
        order_by: "updated_at",
        order_type: "asc",
        page: 2,
        per_page: 50,
      },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { tickets: [{ id: 1042, status: 2 }] } },
    });
    expect(only().query).toEqual({
      email: "mira.okafor@example.com",
      order_by: "updated_at",
      order_type: "asc",
      page: "2",
      per_page: "50",
    });
  });

  it("get_ticket reads one ticket", async () => {
    const context = await serve({ "GET /api/v2/tickets/1042": { body: ticket } });
    const result = await integration.executeAction("get_ticket", { ticket_id: 1042 }, context);
    expect(result).toMatchObject({
      type: "action",
      result: { data: { ticket: { description_text: ticket.description_text } } },
    });
    expect(only().method).toBe("GET");
  });

  it("create_ticket posts the ticket as JSON", async () => {
    const context = await serve({ "POST /api/v2/tickets": { status: 201, body: ticket } });
    const inputs: CreateTicketInput = {
      email: "mira.okafor@example.com",
      subject: "Cannot export invoices to PDF",
      description: "<div>The export button spins forever.</div>",
      priority: 2,
      status: 2,
      tags: ["billing"],
      custom_fields: { cf_plan: "Team" },
    };
    const result = await integration.executeAction("create_ticket", inputs, context);
    expect(result).toMatchObject({ type: "action", result: { data: { ticket: { id: 1042 } } } });
    const request = only();
    expect(request.headers["content-type"]).toContain("application/json");
    expect(request.body).toEqual(inputs);
  });

  it("create_ticket without a requester is an action error and sends nothing", async () => {
    const context = await serve({});
    const result = await integration.executeAction(
      "create_ticket",
      { subject: "Hi", description: "Hello", priority: 1, status: 2 },
      context,
    );
    expect(result.type).toBe("action_error");
    expect((result.result as { message: string }).message).toContain("needs a requester");
    expect(server.requests).toHaveLength(0);
  });

  it("update_ticket puts only the changed fields", async () => {
    const context = await serve({ "PUT /api/v2/tickets/1042": { body: { ...ticket, status: 4 } } });
    const result = await integration.executeAction(
      "update_ticket",
      { ticket_id: 1042, status: 4, responder_id: 43000000001 },
      context,
    );
    expect(result).toMatchObject({ type: "action", result: { data: { ticket: { status: 4 } } } });
    expect(only().body).toEqual({ status: 4, responder_id: 43000000001 });
  });
});

describe("contacts", () => {
  it("list_contacts filters by company and state", async () => {
    const context = await serve({ "GET /api/v2/contacts": { body: [contact] } });
    const result = await integration.executeAction(
      "list_contacts",
      { company_id: 7, state: "verified" },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { contacts: [{ name: "Mira Okafor" }] } },
    });
    expect(only().query).toEqual({ company_id: "7", state: "verified" });
  });

  it("get_contact reads one contact", async () => {
    const context = await serve({ [`GET /api/v2/contacts/${contact.id}`]: { body: contact } });
    const result = await integration.executeAction(
      "get_contact",
      { contact_id: contact.id },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { contact: { email: contact.email } } },
    });
    only();
  });

  it("create_contact posts the contact", async () => {
    const context = await serve({ "POST /api/v2/contacts": { status: 201, body: contact } });
    const inputs = {
      name: "Mira Okafor",
      email: "mira.okafor@example.com",
      job_title: "Accountant",
    };
    const result = await integration.executeAction("create_contact", inputs, context);
    expect(result.type).toBe("action");
    expect(only().body).toEqual(inputs);
  });

  it("create_contact with no way to reach them is an action error", async () => {
    const context = await serve({});
    const result = await integration.executeAction("create_contact", { name: "Nobody" }, context);
    expect(result.type).toBe("action_error");
    expect(server.requests).toHaveLength(0);
  });
});

describe("conversations", () => {
  it("list_conversations reads a ticket's conversations", async () => {
    const context = await serve({
      "GET /api/v2/tickets/1042/conversations": { body: [incomingConversation, note] },
    });
    const result = await integration.executeAction(
      "list_conversations",
      { ticket_id: 1042, per_page: 100 },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { conversations: [{ incoming: true }, { private: true }] } },
    });
    expect(only().query).toEqual({ per_page: "100" });
  });

  it("reply_to_ticket posts the reply", async () => {
    const context = await serve({
      "POST /api/v2/tickets/1042/reply": { status: 201, body: reply },
    });
    const result = await integration.executeAction(
      "reply_to_ticket",
      { ticket_id: 1042, body: reply.body, cc_emails: ["ops@acme.example"] },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { conversation: { id: reply.id } } },
    });
    expect(only().body).toEqual({ body: reply.body, cc_emails: ["ops@acme.example"] });
  });

  it("add_note posts a private note unless told otherwise", async () => {
    const context = await serve({ "POST /api/v2/tickets/1042/notes": { status: 201, body: note } });
    const result = await integration.executeAction(
      "add_note",
      { ticket_id: 1042, body: note.body, notify_emails: ["lead@acme.example"] },
      context,
    );
    expect(result).toMatchObject({
      type: "action",
      result: { data: { conversation: { private: true } } },
    });
    expect(only().body).toEqual({
      body: note.body,
      notify_emails: ["lead@acme.example"],
      private: true,
    });
  });
});

describe("domain and failures", () => {
  it("accepts the domain as a full helpdesk URL", async () => {
    const context = await serve(
      { "GET /api/v2/tickets/1042": { body: ticket } },
      "https://Acme.freshdesk.com/",
    );
    const result = await integration.executeAction("get_ticket", { ticket_id: 1042 }, context);
    expect(result.type).toBe("action");
  });

  it("rejects a domain that is not a helpdesk name as an action error", async () => {
    const context = await serve({}, "acme support");
    const result = await integration.executeAction("get_ticket", { ticket_id: 1042 }, context);
    expect(result).toMatchObject({ type: "action_error" });
    // The domain is a credential field, so the SDK redacts it like any other.
    expect((result.result as { message: string }).message).toContain(
      'Freshdesk domain "[REDACTED]" is not a helpdesk name',
    );
  });

  it("reports Freshdesk's validation failure as an action error in its own words", async () => {
    const body = {
      description: "Validation failed",
      errors: [
        {
          field: "email",
          message: "There is no contact matching the given email",
          code: "invalid_value",
        },
      ],
    };
    const context = await serve({ "POST /api/v2/tickets": { status: 400, body } });
    const run = integration.executeAction(
      "create_ticket",
      { email: "ghost@example.com", subject: "Hi", description: "Hello", priority: 1, status: 2 },
      context,
    );
    expect(await run).toEqual({
      version: "2.0.0",
      type: "action_error",
      result: {
        message:
          "400 from POST https://[REDACTED].freshdesk.com/api/v2/tickets: Validation failed (email: There is no contact matching the given email)",
        cost_usd: null,
      },
    });
  });

  it("surfaces a 429 as RateLimitError without the API key in the message", async () => {
    const context = await serve({
      "GET /api/v2/tickets": {
        status: 429,
        headers: { "retry-after": "41", "x-ratelimit-remaining": "0" },
        body: { message: "You have exceeded the limit of requests per minute" },
      },
    });
    const error = await integration
      .executeAction("list_tickets", {}, context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfter: 41, status: 429 });
    expect((error as Error).message).not.toContain(API_KEY);
  });
});
