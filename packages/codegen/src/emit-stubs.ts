import type { IntegrationConfig } from "@plugboard/sdk";
import { escapeSeparators } from "./format-code.ts";
import type { Plan, PlannedOperation } from "./plan.ts";
import { jsdocText, propertyKey, stringLiteral } from "./property-key.ts";
import { loadTsMorph, printSourceFile } from "./ts-morph-project.ts";

/** One handler stub per action and trigger: typed, compiles, and throws "not implemented". */
export function emitStubs(plan: Plan): Array<{ path: string; contents: string }> {
  const stubs = [];
  for (const action of plan.actions) stubs.push(stub(action, "defineAction", "action"));
  for (const trigger of plan.triggers) {
    stubs.push(stub(trigger, "definePollingTrigger", "polling trigger"));
  }
  return stubs;
}

function stub(op: PlannedOperation, helper: string, kind: string): { path: string; contents: string } {
  const message = `The ${JSON.stringify(op.name)} ${kind} is not implemented yet: write it in ${op.stubPath}.`;
  const params = kind === "action" ? "inputs, context" : "inputs, lastPollTs, context";
  const text = printSourceFile((file) => {
    file.addImportDeclaration({
      moduleSpecifier: "../generated/contract.gen.ts",
      namedImports: [helper],
    });
    file.addVariableStatement({
      isExported: true,
      declarationKind: loadTsMorph().VariableDeclarationKind.Const,
      docs: [jsdocText(op.description === "" ? `Handles the ${op.name} ${kind}.` : op.description)],
      declarations: [
        {
          name: op.handlerConst,
          initializer:
            `${helper}(${stringLiteral(op.name)}, async (${params}) => {\n` +
            `  throw new Error(${stringLiteral(message)});\n})`,
        },
      ],
    });
  });
  return { path: op.stubPath, contents: escapeSeparators(text) };
}

/** `src/index.ts`, created when absent: wires every stub into `createIntegration`. */
export function emitIndex(config: IntegrationConfig, plan: Plan): string {
  const name = config.display_name ?? config.name;
  return escapeSeparators(
    printSourceFile((file) => {
      const contractImports = ["createIntegration", "type Handlers"];
      if (plan.triggers.length > 0) contractImports.push("type TriggerHandlers");
      file.addImportDeclaration({
        moduleSpecifier: "./generated/contract.gen.ts",
        namedImports: contractImports,
      });
      for (const op of [...plan.actions, ...plan.triggers]) {
        file.addImportDeclaration({
          moduleSpecifier: `./${op.stubPath.slice("src/".length)}`,
          namedImports: [op.handlerConst],
        });
      }
      const wire = (ops: PlannedOperation[]) =>
        ops.map((op) => `${propertyKey(op.name)}: ${op.handlerConst}`).join(", ");
      const parts = [`actions: { ${wire(plan.actions)} } satisfies Handlers`];
      if (plan.triggers.length > 0) {
        parts.push(`triggers: { ${wire(plan.triggers)} } satisfies TriggerHandlers`);
      }
      file.addVariableStatement({
        isExported: true,
        declarationKind: loadTsMorph().VariableDeclarationKind.Const,
        docs: [jsdocText(`The ${name} integration, ready to execute actions.`)],
        declarations: [{ name: "integration", initializer: `createIntegration({ ${parts.join(", ")} })` }],
      });
    }),
  );
}
