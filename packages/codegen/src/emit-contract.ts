import type { SourceFile } from "ts-morph";
import { escapeSeparators } from "./format-code.ts";
import { header } from "./header.ts";
import { isIdentifier } from "./naming.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { jsdocText, propertyKey, stringLiteral } from "./property-key.ts";
import { loadTsMorph, printSourceFile } from "./ts-morph-project.ts";

/**
 * `src/generated/contract.gen.ts`: the `Handlers` and `TriggerHandlers` contracts (wired with
 * `satisfies`, a missing action is TS1360 and a stale one TS2353), the `define*` helpers that
 * type a handler from its name, and `createIntegration`.
 */
export function emitContract(plan: Plan): string {
  const text = printSourceFile((file) => {
    addImports(file, plan);
    addHandlersInterface(file, "Handlers", plan.actions, "ActionHandler", [
      "One handler per action of config.json, by action name.",
      "Check a handler map with `satisfies Handlers`: a missing action is then error TS1360 and",
      "one config.json no longer declares is TS2353.",
    ]);
    addHandlersInterface(file, "TriggerHandlers", plan.triggers, "PollingTriggerHandler", [
      "One handler per polling trigger of config.json, by trigger name.",
    ]);
    addHelpers(file, plan);
  });
  return `${header("the handler contract")}\n${escapeSeparators(text)}`;
}

function addImports(file: SourceFile, plan: Plan): void {
  file.addImportDeclaration({
    moduleSpecifier: "@plugboard/sdk",
    namedImports: [
      { name: "ActionHandler", isTypeOnly: true },
      { name: "ConnectedAccountHandler", isTypeOnly: true },
      "Integration",
      { name: "PollingTriggerHandler", isTypeOnly: true },
    ],
  });
  file.addImportDeclaration({ moduleSpecifier: "./config.gen.ts", namedImports: ["config"] });
  const types = ["Actions", "Credentials", "Triggers"];
  for (const op of [...plan.actions, ...plan.triggers]) types.push(op.inputType, op.outputType);
  file.addImportDeclaration({
    moduleSpecifier: "./types.gen.ts",
    isTypeOnly: true,
    namedImports: types,
  });
  file.addImportDeclaration({ moduleSpecifier: "./validators.gen.js", namedImports: ["validators"] });
}

function addHandlersInterface(
  file: SourceFile,
  name: string,
  operations: PlannedOperation[],
  handlerType: string,
  doc: string[],
): void {
  file.addInterface({
    name,
    isExported: true,
    docs: [doc.join("\n")],
    properties: operations.map((op) => ({
      name: propertyKey(op.name),
      type: `${handlerType}<${op.inputType}, ${op.outputType}, Credentials>`,
      docs: op.description === "" ? [] : [jsdocText(op.description)],
    })),
  });
}

function access(object: string, name: string): string {
  return isIdentifier(name) ? `${object}.${name}` : `${object}[${stringLiteral(name)}]`;
}

function addHelpers(file: SourceFile, plan: Plan): void {
  const { StructureKind } = loadTsMorph();
  file.addFunctions([
    {
      kind: StructureKind.Function,
      name: "defineAction",
      isExported: true,
      docs: ["Types the handler of one action from its name: inputs, credentials and output come from config.json."],
      typeParameters: [{ name: "K", constraint: "keyof Handlers" }],
      parameters: [
        { name: "name", type: "K" },
        { name: "handler", type: "Handlers[K]" },
      ],
      returnType: "Handlers[K]",
      statements: ["void name;", "return handler;"],
    },
    {
      kind: StructureKind.Function,
      name: "definePollingTrigger",
      isExported: true,
      docs: ["Types the handler of one polling trigger from its name."],
      typeParameters: [{ name: "K", constraint: "keyof TriggerHandlers" }],
      parameters: [
        { name: "name", type: "K" },
        { name: "handler", type: "TriggerHandlers[K]" },
      ],
      returnType: "TriggerHandlers[K]",
      statements: ["void name;", "return handler;"],
    },
    {
      kind: StructureKind.Function,
      name: "defineConnectedAccount",
      isExported: true,
      docs: ["Types the handler that describes the account the credentials belong to."],
      parameters: [{ name: "handler", type: "ConnectedAccountHandler<Credentials>" }],
      returnType: "ConnectedAccountHandler<Credentials>",
      statements: ["return handler;"],
    },
    {
      kind: StructureKind.Function,
      name: "createIntegration",
      isExported: true,
      docs: ["Builds the integration: config.json, the precompiled validators and every handler."],
      parameters: [
        {
          name: "handlers",
          type: "{ actions: Handlers; triggers?: TriggerHandlers; connectedAccount?: ConnectedAccountHandler<Credentials> }",
        },
      ],
      returnType: "Integration<Actions, Triggers, Credentials>",
      statements: (writer) => {
        writer.writeLine(
          "const integration = new Integration<Actions, Triggers, Credentials>(config, { validators });",
        );
        for (const action of plan.actions) {
          writer.writeLine(
            `integration.action(${stringLiteral(action.name)}, ${access("handlers.actions", action.name)});`,
          );
        }
        if (plan.triggers.length > 0) {
          writer.write("if (handlers.triggers)").block(() => {
            for (const trigger of plan.triggers) {
              writer.writeLine(
                `integration.pollingTrigger(${stringLiteral(trigger.name)}, ${access("handlers.triggers", trigger.name)});`,
              );
            }
          });
        }
        writer.write("if (handlers.connectedAccount)").block(() => {
          writer.writeLine("integration.connectedAccount(handlers.connectedAccount);");
        });
        writer.writeLine("return integration;");
      },
    },
  ]);
}
