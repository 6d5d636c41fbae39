import type { IntegrationConfig } from "../src/index.ts";

/** A small config exercising custom auth, two actions and a polling trigger. */
export function sampleConfig(): IntegrationConfig {
  return {
    name: "tracker",
    version: "1.0.0",
    display_name: "Tracker",
    description: "Issue tracker",
    entry_point: "tracker.py",
    auth: {
      type: "custom",
      title: "Tracker API key",
      fields: {
        type: "object",
        properties: {
          api_key: { type: "string", label: "API key", format: "password" },
          subdomain: { type: "string" },
        },
        required: ["api_key"],
      },
    },
    actions: {
      create_issue: {
        display_name: "Create issue",
        description: "Creates an issue",
        input_schema: {
          type: "object",
          properties: {
            title: { type: "string", "x-autohive-input": true, help_text: "The title" },
            count: { type: "integer", minimum: 1, default: 1 },
            labels: { type: "array", items: { type: "string" }, maxItems: 3 },
            due: { type: "string", format: "date" },
            email: { type: ["string", "null"], format: "email" },
            state: { type: "string", enum: ["open", "closed"] },
            note: { type: "string", nullable: true },
            weird: { type: "string", required: false },
          },
          required: ["title"],
        },
        output_schema: {
          type: "object",
          properties: { id: { type: "string" }, url: { type: "string", format: "uri" } },
          required: ["id"],
        },
      },
      list_issues: {
        display_name: "List issues",
        description: "Lists issues",
        input_schema: { type: "object", properties: {} },
        output_schema: { type: "array", items: { type: "object" } },
      },
    },
    polling_triggers: {
      new_issues: {
        description: "New issues",
        polling_interval: "5m",
        input_schema: {
          type: "object",
          properties: { project: { type: "string" } },
          required: ["project"],
        },
        output_schema: {
          type: "object",
          properties: { title: { type: "string" } },
          required: ["title"],
        },
      },
    },
    supports_connected_account: true,
  };
}
