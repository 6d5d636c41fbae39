import { defaultsRequired } from "./defaults-required.ts";
import { DefinitionNames } from "./definition-names.ts";
import { escapeSeparators, reindent } from "./format-code.ts";
import { header } from "./header.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { jsdocText, propertyKey } from "./property-key.ts";
import { schemaToType } from "./schema-to-type.ts";

/** `src/generated/types.gen.ts`: one type per schema, `Credentials`, and the `Actions`/`Triggers` maps. */
export function emitTypes(plan: Plan): string {
  const blocks: string[] = [];
  const reserved = ["Credentials", "Actions", "Triggers"];
  for (const op of [...plan.actions, ...plan.triggers]) reserved.push(op.inputType, op.outputType);
  const names = new DefinitionNames(reserved);
  const declare = (schema: PlannedOperation["input"], name: string, doc: string) =>
    declaration(schema, name, doc, names);
  const outputDeclaration = (operation: PlannedOperation, doc: string) =>
    outputOf(operation, doc, declare);
  const inputOf = (operation: PlannedOperation) =>
    plan.applyDefaults ? defaultsRequired(operation.input) : operation.input;
  for (const action of plan.actions) {
    blocks.push(
      declare(inputOf(action), action.inputType, `Inputs of the \`${action.name}\` action.`),
    );
    blocks.push(outputDeclaration(action, `Output of the \`${action.name}\` action.`));
  }
  for (const trigger of plan.triggers) {
    blocks.push(
      declare(
        inputOf(trigger),
        trigger.inputType,
        `Inputs of the \`${trigger.name}\` polling trigger.`,
      ),
    );
    blocks.push(
      outputDeclaration(trigger, `Data of one record of the \`${trigger.name}\` polling trigger.`),
    );
  }
  blocks.push(credentialsDeclaration(plan, declare));
  blocks.push(
    map(
      "Actions",
      "Every action by name, with its input and output types.",
      plan.actions.map(
        (a) =>
          `${doc(a)}${propertyKey(a.name)}: { input: ${a.inputType}; output: ${a.outputType}${secrets(a)} };`,
      ),
    ),
  );
  blocks.push(
    map(
      "Triggers",
      "Every polling trigger by name, with its input and record-data types.",
      plan.triggers.map(
        (t) =>
          `${doc(t)}${propertyKey(t.name)}: { input: ${t.inputType}; record: ${t.outputType}${secrets(t)} };`,
      ),
    ),
  );
  const body = escapeSeparators(reindent(blocks.join("\n\n")));
  return `${header("the TypeScript types of its schemas")}\n${body}\n`;
}

type Declare = (schema: PlannedOperation["input"], name: string, doc: string) => string;

function declaration(
  schema: PlannedOperation["input"],
  name: string,
  fallbackDoc: string,
  names: DefinitionNames,
): string {
  const code = schemaToType(schema, name, names);
  // A root schema without a description still gets a JSDoc line saying what it is; named
  // definitions may be declared before it.
  const head = new RegExp(`^export (interface|type) ${name}\\b`, "m").exec(code);
  if (!head || code.slice(0, head.index).endsWith("*/\n")) return code;
  const doc = `/** ${jsdocText(fallbackDoc)} */\n`;
  return code.slice(0, head.index) + doc + code.slice(head.index);
}

function outputOf(operation: PlannedOperation, doc: string, declare: Declare): string {
  if (operation.output === undefined) {
    return `/** ${jsdocText(`${doc} config.json declares no output schema.`)} */\nexport type ${operation.outputType} = unknown;`;
  }
  return declare(operation.output, operation.outputType, doc);
}

function credentialsDeclaration(plan: Plan, declare: Declare): string {
  if (plan.credentials !== undefined) {
    return declare(
      plan.credentials,
      "Credentials",
      "The credentials the user enters (`auth.fields`).",
    );
  }
  if (plan.platformAuth) {
    return [
      "/** Credentials of platform-managed OAuth: the access token the platform supplies. */",
      "export interface Credentials {",
      "access_token?: string;",
      "}",
    ].join("\n");
  }
  return "/** This integration declares no credentials. */\nexport type Credentials = Record<string, unknown>;";
}

/**
 * `; secrets: { readonly KEY: string; readonly OPTIONAL?: string }` for an operation declaring
 * secrets (config.json `secrets`), which types its handler's `context.secrets`; else nothing.
 */
function secrets(operation: PlannedOperation): string {
  const { required = [], optional = [] } = operation.secrets ?? {};
  if (required.length === 0 && optional.length === 0) return "";
  const fields = [
    ...required.map((key) => `readonly ${propertyKey(key)}: string`),
    ...optional
      .filter((key) => !required.includes(key))
      .map((key) => `readonly ${propertyKey(key)}?: string`),
  ];
  return `; secrets: { ${fields.join("; ")} }`;
}

/** The operation's description as a JSDoc line, which the SDK's handler maps carry over. */
function doc(operation: PlannedOperation): string {
  if (operation.description === "") return "";
  const lines = jsdocText(operation.description).split("\n");
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((line) => `* ${line}`.trimEnd()).join("\n")}\n*/\n`;
}

function map(name: string, doc: string, members: string[]): string {
  const body = members.length === 0 ? "{}" : `{\n${members.join("\n")}\n}`;
  return `/** ${doc} */\nexport type ${name} = ${body};`;
}
