import type { CodeBlockWriter } from "ts-morph";
import { escapeSeparators } from "./format-code.ts";
import { header } from "./header.ts";
import { isPropertyName } from "./naming.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { jsdocText, propertyKey, stringLiteral } from "./property-key.ts";
import { printWithWriter } from "./ts-morph-project.ts";

/**
 * `src/generated/contract.gen.ts`: the `Handlers` and `TriggerHandlers` contracts (wired with
 * `satisfies`, a missing action is TS1360 and a stale one TS2353), the `define*` helpers that
 * type a handler from its name, and `createIntegration`. Written with ts-morph's code writer
 * rather than structures: a structure is parsed back into a syntax tree, which is most of the
 * cost and buys nothing for a file written once from scratch.
 */
export function emitContract(plan: Plan): string {
  const text = printWithWriter((writer) => {
    writeImports(writer, plan);
    writeHandlers(writer, "Handlers", plan.actions, "ActionHandler", [
      "One handler per action of config.json, by action name.",
      "Check a handler map with `satisfies Handlers`: a missing action is then error TS1360 and",
      "one config.json no longer declares is TS2353.",
    ]);
    writeHandlers(writer, "TriggerHandlers", plan.triggers, "PollingTriggerHandler", [
      "One handler per polling trigger of config.json, by trigger name.",
    ]);
    writeHelpers(writer);
    writeCreateIntegration(writer, plan);
  });
  return `${header("the handler contract")}\n${escapeSeparators(text)}`;
}

function writeImports(writer: CodeBlockWriter, plan: Plan): void {
  const types = ["Actions", "Credentials", "Triggers"];
  for (const op of [...plan.actions, ...plan.triggers]) types.push(op.inputType, op.outputType);
  writer.writeLine("import {");
  writer.indent(() => {
    writer.writeLine("type ActionHandler,");
    writer.writeLine("type ConnectedAccountHandler,");
    writer.writeLine("Integration,");
    writer.writeLine("type PollingTriggerHandler,");
  });
  writer.writeLine('} from "@plugboard/sdk";');
  writer.writeLine('import { config } from "./config.gen.ts";');
  writer.writeLine("import type {");
  writer.indent(() => {
    for (const type of types) writer.writeLine(`${type},`);
  });
  writer.writeLine('} from "./types.gen.ts";');
  writer.writeLine('import { validators } from "./validators.gen.js";');
}

function writeDoc(writer: CodeBlockWriter, lines: string[]): void {
  if (lines.length === 1) {
    writer.writeLine(`/** ${lines[0]} */`);
    return;
  }
  writer.writeLine("/**");
  for (const line of lines) writer.writeLine(` * ${line}`);
  writer.writeLine(" */");
}

function writeHandlers(
  writer: CodeBlockWriter,
  name: string,
  operations: PlannedOperation[],
  handlerType: string,
  doc: string[],
): void {
  writer.blankLine();
  writeDoc(writer, doc);
  writer.write(`export interface ${name}`).block(() => {
    for (const op of operations) {
      if (op.description !== "") writeDoc(writer, jsdocText(op.description).split("\n"));
      const secrets = secretsType(op);
      writer.writeLine(
        `${propertyKey(op.name)}: ${handlerType}<${op.inputType}, ${op.outputType}, Credentials${secrets}>;`,
      );
    }
  });
}

/** `, { readonly KEY: string; readonly OPTIONAL?: string }` for declared secrets, else nothing. */
function secretsType(op: PlannedOperation): string {
  const { required = [], optional = [] } = op.secrets ?? {};
  if (required.length === 0 && optional.length === 0) return "";
  const fields = [
    ...required.map((key) => `readonly ${propertyKey(key)}: string`),
    ...optional
      .filter((key) => !required.includes(key))
      .map((key) => `readonly ${propertyKey(key)}?: string`),
  ];
  return `, { ${fields.join("; ")} }`;
}

function writeHelpers(writer: CodeBlockWriter): void {
  const define = (name: string, map: string, doc: string) => {
    writer.blankLine();
    writeDoc(writer, [doc]);
    writer
      .write(
        `export function ${name}<K extends keyof ${map}>(name: K, handler: ${map}[K]): ${map}[K]`,
      )
      .block(() => {
        // The name only drives inference of `handler`'s type.
        writer.writeLine("void name;");
        writer.writeLine("return handler;");
      });
  };
  define(
    "defineAction",
    "Handlers",
    "Types the handler of one action from its name: inputs, credentials and output come from config.json.",
  );
  define(
    "definePollingTrigger",
    "TriggerHandlers",
    "Types the handler of one polling trigger from its name.",
  );
  writer.blankLine();
  writeDoc(writer, ["Types the handler that describes the account the credentials belong to."]);
  writer
    .write(
      "export function defineConnectedAccount(handler: ConnectedAccountHandler<Credentials>): ConnectedAccountHandler<Credentials>",
    )
    .block(() => writer.writeLine("return handler;"));
}

function access(object: string, name: string): string {
  return isPropertyName(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`;
}

function writeCreateIntegration(writer: CodeBlockWriter, plan: Plan): void {
  writer.blankLine();
  writeDoc(writer, [
    "Builds the integration: config.json, the precompiled validators and every handler.",
  ]);
  writer.writeLine("export function createIntegration(handlers: {");
  // Declared triggers and a declared connected account are required, as actions are:
  // forgetting to wire one is a compile error (TS2741), not a handler missing at run time.
  writer.indent(() => {
    writer.writeLine("actions: Handlers;");
    writer.writeLine(
      plan.triggers.length > 0 ? "triggers: TriggerHandlers;" : "triggers?: TriggerHandlers;",
    );
    writer.writeLine(
      plan.connectedAccount
        ? "connectedAccount: ConnectedAccountHandler<Credentials>;"
        : "connectedAccount?: ConnectedAccountHandler<Credentials>;",
    );
  });
  writer.write("}): Integration<Actions, Triggers, Credentials>").block(() => {
    // config.gen.ts holds a config readConfig already checked: skip the runtime's walk of it.
    writer.writeLine(
      "const integration = new Integration<Actions, Triggers, Credentials>(config, { validators, configChecked: true });",
    );
    for (const action of plan.actions) {
      writer.writeLine(
        `integration.action(${stringLiteral(action.name)}, ${access("handlers.actions", action.name)});`,
      );
    }
    for (const trigger of plan.triggers) {
      writer.writeLine(
        `integration.pollingTrigger(${stringLiteral(trigger.name)}, ${access("handlers.triggers", trigger.name)});`,
      );
    }
    if (plan.connectedAccount) {
      writer.writeLine("integration.connectedAccount(handlers.connectedAccount);");
    } else {
      writer.write("if (handlers.connectedAccount)").block(() => {
        writer.writeLine("integration.connectedAccount(handlers.connectedAccount);");
      });
    }
    writer.writeLine("return integration;");
  });
}
