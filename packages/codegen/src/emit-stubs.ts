import type { IntegrationConfig } from "@plugboard/sdk";
import { escapeSeparators } from "./format-code.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { jsdocText, propertyKey, stringLiteral } from "./property-key.ts";
import { printWithWriter } from "./ts-morph-project.ts";

/** One handler stub per action and trigger: typed, compiles, and throws "not implemented". */
export function emitStubs(plan: Plan): Array<{ path: string; contents: string }> {
  const stubs = [];
  for (const action of plan.actions) stubs.push(stub(action, "defineAction", "action"));
  for (const trigger of plan.triggers) {
    stubs.push(stub(trigger, "definePollingTrigger", "polling trigger"));
  }
  return stubs;
}

function docLine(text: string): string {
  return `/** ${jsdocText(text).replace(/\n/g, "\n * ")} */`;
}

function stub(
  op: PlannedOperation,
  helper: string,
  kind: string,
): { path: string; contents: string } {
  const message = `The ${JSON.stringify(op.name)} ${kind} is not implemented yet: write it in ${op.stubPath}.`;
  const params = kind === "action" ? "inputs, context" : "inputs, lastPollTs, context";
  const text = printWithWriter((writer) => {
    writer.writeLine(`import { ${helper} } from "../generated/contract.gen.ts";`).blankLine();
    writer.writeLine(
      docLine(op.description === "" ? `Handles the ${op.name} ${kind}.` : op.description),
    );
    writer.writeLine(
      `export const ${op.handlerConst} = ${helper}(${stringLiteral(op.name)}, async (${params}) => {`,
    );
    writer.indent(() => writer.writeLine(`throw new Error(${stringLiteral(message)});`));
    writer.writeLine("});");
  });
  return { path: op.stubPath, contents: escapeSeparators(text) };
}

/** `src/index.ts`, created when absent: wires every stub into `createIntegration`. */
export function emitIndex(config: IntegrationConfig, plan: Plan): string {
  const name = config.display_name ?? config.name;
  const hasTriggers = plan.triggers.length > 0;
  const text = printWithWriter((writer) => {
    const contract = [
      "createIntegration",
      "type Handlers",
      ...(hasTriggers ? ["type TriggerHandlers"] : []),
    ];
    writer.writeLine(`import { ${contract.join(", ")} } from "./generated/contract.gen.ts";`);
    for (const op of [...plan.actions, ...plan.triggers]) {
      writer.writeLine(
        `import { ${op.handlerConst} } from "./${op.stubPath.slice("src/".length)}";`,
      );
    }
    writer.blankLine();
    writer.writeLine(docLine(`The ${name} integration, ready to execute actions.`));
    writer.writeLine("export const integration = createIntegration({");
    writer.indent(() => {
      const wire = (ops: PlannedOperation[], satisfies: string) => {
        writer.writeLine(`${ops === plan.actions ? "actions" : "triggers"}: {`);
        writer.indent(() => {
          for (const op of ops) writer.writeLine(`${propertyKey(op.name)}: ${op.handlerConst},`);
        });
        writer.writeLine(`} satisfies ${satisfies},`);
      };
      wire(plan.actions, "Handlers");
      if (hasTriggers) wire(plan.triggers, "TriggerHandlers");
    });
    writer.writeLine("});");
  });
  return escapeSeparators(text);
}
