import type { JsonSchema } from "@plugboard/sdk";
import { embedSchema } from "./openapi-schemas.ts";
import type { ServedIntegration } from "./served-integration.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const errorResponse = (description: string) => json(ref("Error"), description);

const COMMON_ERRORS = {
  "400": json(
    { oneOf: [ref("ValidationErrorEnvelope"), ref("Error")] },
    "validation_error envelope (inputs or credentials rejected), or a malformed body (invalid_json, invalid_body)",
  ),
  "401": errorResponse("Missing or wrong bearer token"),
  "404": errorResponse("Unknown integration, action or trigger"),
  "413": errorResponse("Body over the size limit"),
  "429": errorResponse("The API rate-limited the call; Retry-After says when to retry"),
  "500": errorResponse(
    "missing_secret, out_of_memory or worker_failed: the call failed on the server's side",
  ),
  "502": json(
    { oneOf: [ref("ValidationErrorEnvelope"), ref("Error")] },
    "validation_error envelope for the handler's own output, or handler_failed (an API error)",
  ),
  "503": errorResponse("The server is shutting down"),
  "504": errorResponse("The call exceeded its timeout; its worker was replaced"),
};

const COMPONENTS = {
  securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
  schemas: {
    Auth: {
      type: "object",
      description:
        "The end user's credentials: flat fields, or { auth_type, credentials } as the platform sends them",
    },
    Error: {
      type: "object",
      required: ["error"],
      properties: {
        error: {
          type: "object",
          required: ["code", "message"],
          properties: {
            code: { type: "string" },
            message: { type: "string" },
            retry_after: { type: "number" },
          },
        },
      },
    },
    ActionErrorEnvelope: envelope("action_error", {
      type: "object",
      required: ["message", "cost_usd"],
      properties: { message: { type: "string" }, cost_usd: { type: ["number", "null"] } },
    }),
    ValidationErrorEnvelope: envelope("validation_error", {
      type: "object",
      required: ["message", "property", "value", "source"],
      properties: {
        message: { type: "string" },
        property: { type: ["string", "null"] },
        value: {},
        source: { enum: ["input", "output"] },
      },
    }),
    ConnectedAccountEnvelope: envelope("connected_account", {
      type: "object",
      properties: Object.fromEntries(
        [
          "email",
          "first_name",
          "last_name",
          "username",
          "user_id",
          "avatar_url",
          "organization",
        ].map((k) => [k, { type: ["string", "null"] }]),
      ),
    }),
  },
};

function envelope(type: string, result: unknown) {
  return {
    type: "object",
    required: ["version", "type", "result"],
    properties: { version: { type: "string" }, type: { const: type }, result },
  };
}

function requestBody(inputs: JsonSchema, extra: Record<string, unknown> = {}) {
  return {
    required: true,
    content: {
      "application/json": {
        schema: {
          type: "object",
          properties: {
            inputs,
            auth: ref("Auth"),
            timeout_ms: { type: "number", description: "Overrides the call's timeout" },
            ...extra,
          },
        },
      },
    },
  };
}

/** The OpenAPI 3.1 document of the server: every endpoint, with each action's own schemas. */
export function buildOpenApi(integrations: readonly ServedIntegration[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {
    "/healthz": {
      get: {
        summary: "Liveness; 503 while shutting down",
        security: [],
        responses: { "200": json({ type: "object" }, "Serving"), "503": json({}, "Draining") },
      },
    },
    "/integrations": {
      get: {
        summary: "The registry: integrations, actions and triggers with their schemas",
        responses: { "200": json({ type: "object" }, "Every integration served") },
      },
    },
  };
  // The fixed components, then each action's and trigger's own definitions.
  const schemas: Record<string, unknown> = { ...COMPONENTS.schemas };
  for (const { name, config } of integrations) {
    for (const [action, spec] of Object.entries(config.actions)) {
      const inputs = embedSchema(spec.input_schema, `${name}.${action}.input`, schemas);
      const output = embedSchema(spec.output_schema, `${name}.${action}.output`, schemas);
      paths[`/integrations/${name}/actions/${action}`] = {
        post: {
          operationId: `${name}.${action}`,
          summary: spec.display_name ?? action,
          description: spec.description,
          tags: [name],
          requestBody: requestBody(inputs),
          responses: {
            "200": json(
              envelope("action", {
                type: "object",
                required: ["data", "cost_usd"],
                properties: { data: output, cost_usd: { type: ["number", "null"] } },
              }),
              "The action's result",
            ),
            "422": json(ref("ActionErrorEnvelope"), "The handler refused (action_error)"),
            ...COMMON_ERRORS,
          },
        },
      };
    }
    for (const [trigger, spec] of Object.entries(config.polling_triggers ?? {})) {
      const inputs = embedSchema(spec.input_schema, `${name}.${trigger}.input`, schemas);
      const output = embedSchema(spec.output_schema, `${name}.${trigger}.output`, schemas);
      paths[`/integrations/${name}/triggers/${trigger}`] = {
        post: {
          operationId: `${name}.${trigger}`,
          summary: spec.display_name ?? trigger,
          description: `${spec.description} (polled every ${spec.polling_interval})`,
          tags: [name],
          requestBody: requestBody(inputs, {
            last_poll_ts: { type: ["string", "null"], format: "date-time" },
            state: { description: "Passed to the handler as context.metadata.state" },
          }),
          responses: {
            "200": json(
              {
                type: "object",
                required: ["records"],
                properties: {
                  records: {
                    type: "array",
                    items: {
                      type: "object",
                      required: ["id", "data"],
                      properties: { id: { type: "string" }, data: output },
                    },
                  },
                },
              },
              "The poll's records",
            ),
            ...COMMON_ERRORS,
          },
        },
      };
    }
    paths[`/integrations/${name}/connected-account`] = {
      post: {
        operationId: `${name}.connected_account`,
        summary: "Who the credentials belong to",
        tags: [name],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: { type: "object", properties: { auth: ref("Auth") } },
            },
          },
        },
        responses: {
          "200": json(ref("ConnectedAccountEnvelope"), "The connected account"),
          ...COMMON_ERRORS,
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Plugboard integrations",
      version: "1.0.0",
      description: `Integrations served: ${integrations.map((i) => `${i.name} ${i.config.version}`).join(", ")}`,
    },
    security: [{ bearer: [] }],
    paths,
    components: { ...COMPONENTS, schemas },
  };
}
