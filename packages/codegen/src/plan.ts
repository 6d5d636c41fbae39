import {
  type DeclaredSecretKeys,
  declaredSecretKeys,
  type IntegrationConfig,
} from "@plugboard/sdk";
import { escapePointer, normalizeSchema, type SchemaNode } from "@plugboard/sdk/internal";
import { camelCase, fileStem, NameAllocator, pascalCase } from "./naming.ts";

/** One action or polling trigger with every name codegen derives from it. */
export interface PlannedOperation {
  /** The wire name, as in config.json. */
  name: string;
  description: string;
  /** JSON pointer of the action or trigger in config.json. */
  pointer: string;
  input: SchemaNode | boolean;
  /** `undefined` when config.json declares no output schema. */
  output: SchemaNode | boolean | undefined;
  inputType: string;
  /** The output type (actions) or record-data type (triggers). */
  outputType: string;
  /** The `const` a stub exports and `src/index.ts` imports. */
  handlerConst: string;
  /** The stub's path relative to the integration root. */
  stubPath: string;
  /** The secret keys it declares (config.json `secrets`), typing its `context.secrets`. */
  secrets?: DeclaredSecretKeys;
}

/** The connected-account handler, planned when config.json has `supports_connected_account`. */
export interface PlannedConnectedAccount {
  /** The `const` the stub exports and `src/index.ts` imports. */
  handlerConst: string;
  /** The stub's path relative to the integration root. */
  stubPath: string;
}

/** Everything generate() needs, with names made unique and deterministic. */
export interface Plan {
  actions: PlannedOperation[];
  triggers: PlannedOperation[];
  /** `undefined` unless config.json sets `supports_connected_account: true`. */
  connectedAccount: PlannedConnectedAccount | undefined;
  /** The `auth.fields` schema, normalised, when the integration declares one. */
  credentials: SchemaNode | boolean | undefined;
  /** Whether the platform supplies OAuth credentials (`{ access_token }`). */
  platformAuth: boolean;
  /** `apply_defaults: true`: the SDK fills defaults in, so input types mark defaulted fields present. */
  applyDefaults: boolean;
}

/** Names generated files declare themselves; derived names must not take them. */
const TAKEN_TYPES = ["Actions", "Triggers", "Credentials", "Handlers", "TriggerHandlers"];
const TAKEN_VALUES = [
  "validators",
  "credentials",
  "config",
  "integration",
  "createIntegration",
  "defineAction",
  "definePollingTrigger",
  "defineConnectedAccount",
  "Integration",
];

/**
 * Derives every identifier and file name from a config. Names are allocated in sorted order of
 * the wire names, so they do not depend on key order, and collisions (`get-page` vs `get_page`,
 * `Delete` vs `delete` on a case-insensitive disk) get numeric suffixes.
 */
export function plan(config: IntegrationConfig): Plan {
  const types = new NameAllocator(TAKEN_TYPES);
  const values = new NameAllocator(TAKEN_VALUES);
  const actionFiles = new NameAllocator();
  const triggerFiles = new NameAllocator();
  const actions = planGroup(config.actions ?? {}, "actions", (name) => {
    const base = pascalCase(name);
    const inputType = types.allocate(`${base}Input`);
    const outputType = types.allocate(`${base}Output`);
    return {
      inputType,
      outputType,
      handlerConst: values.allocate(camelCase(name)),
      stubPath: `src/actions/${actionFiles.allocate(fileStem(name))}.ts`,
    };
  });
  const triggers = planGroup(config.polling_triggers ?? {}, "polling_triggers", (name) => {
    const base = pascalCase(name);
    const inputType = types.allocate(`${base}TriggerInput`);
    const outputType = types.allocate(`${base}Record`);
    return {
      inputType,
      outputType,
      handlerConst: values.allocate(`${camelCase(name)}Trigger`),
      stubPath: `src/triggers/${triggerFiles.allocate(fileStem(name))}.ts`,
    };
  });
  // Allocated after every action and trigger, so their names never depend on this flag.
  const connectedAccount =
    config.supports_connected_account === true
      ? { handlerConst: values.allocate("connectedAccount"), stubPath: "src/connected-account.ts" }
      : undefined;
  for (const op of actions) op.secrets = declaredSecretKeys(config, "actions", op.name);
  for (const op of triggers) op.secrets = declaredSecretKeys(config, "polling_triggers", op.name);
  const auth = config.auth as { type?: unknown; fields?: unknown } | undefined;
  const fields = auth?.fields;
  return {
    actions,
    triggers,
    connectedAccount,
    credentials: fields === undefined ? undefined : normalizeSchema(fields),
    platformAuth: auth?.type === "platform",
    applyDefaults: config.apply_defaults === true,
  };
}

type Names = Omit<
  PlannedOperation,
  "name" | "description" | "pointer" | "input" | "output" | "secrets"
>;

function planGroup(
  group: Record<string, unknown>,
  section: string,
  name: (wireName: string) => Names,
): PlannedOperation[] {
  const wireNames = Object.keys(group);
  const names = new Map<string, Names>();
  for (const wireName of [...wireNames].sort(compareCodeUnits)) names.set(wireName, name(wireName));
  return wireNames.map((wireName) => {
    const entry = group[wireName] as {
      description?: unknown;
      input_schema?: unknown;
      output_schema?: unknown;
    };
    return {
      name: wireName,
      description: typeof entry.description === "string" ? entry.description : "",
      pointer: `/${section}/${escapePointer(wireName)}`,
      input: normalizeSchema(entry.input_schema ?? {}),
      output: entry.output_schema === undefined ? undefined : normalizeSchema(entry.output_schema),
      ...(names.get(wireName) as Names),
    };
  });
}

/** Orders strings by UTF-16 code units, independent of locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
