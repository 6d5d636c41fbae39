import type { IntegrationConfig } from "@plugboard/sdk";
import type { CodeBlockWriter } from "ts-morph";
import { escapeSeparators } from "./format-code.ts";
import {
  compareCodeUnits,
  type Plan,
  type PlannedConnectedAccount,
  type PlannedOperation,
} from "./plan.ts";
import { jsdocText, propertyKey, stringLiteral } from "./property-key.ts";
import { printWithWriter } from "./ts-morph-project.ts";

/**
 * One handler stub per action and trigger, plus the connected-account handler when the config
 * supports one: typed, compiles, and throws "not implemented".
 */
export function emitStubs(plan: Plan): Array<{ path: string; contents: string }> {
  const stubs = [];
  for (const action of plan.actions) stubs.push(stub(action, "defineAction", "action"));
  for (const trigger of plan.triggers) {
    stubs.push(stub(trigger, "definePollingTrigger", "polling trigger"));
  }
  if (plan.connectedAccount) stubs.push(connectedAccountStub(plan.connectedAccount));
  return stubs;
}

function docLine(text: string): string {
  return `/** ${jsdocText(text).replace(/\n/g, "\n * ")} */`;
}

/** `throw new Error(message);`, laid out as the formatter would at 100 columns. */
function writeThrow(writer: CodeBlockWriter, message: string, depth: number): void {
  const throwLine = `throw new Error(${stringLiteral(message)});`;
  if (throwLine.length + depth * 2 <= 100) writer.writeLine(throwLine);
  else {
    writer.writeLine("throw new Error(");
    writer.indent(() => writer.writeLine(`${stringLiteral(message)},`));
    writer.writeLine(");");
  }
}

function connectedAccountStub(account: PlannedConnectedAccount): {
  path: string;
  contents: string;
} {
  const message = `The connected account is not implemented yet: write it in ${account.stubPath}.`;
  const text = printWithWriter((writer) => {
    writer
      .writeLine('import { defineConnectedAccount } from "./generated/contract.gen.ts";')
      .blankLine();
    writer.writeLine(docLine("Describes the account the credentials belong to."));
    writer.writeLine(
      `export const ${account.handlerConst} = defineConnectedAccount(async (_context) => {`,
    );
    writer.indent(() => writeThrow(writer, message, 1));
    writer.writeLine("});");
  });
  return { path: account.stubPath, contents: escapeSeparators(text) };
}

function stub(
  op: PlannedOperation,
  helper: string,
  kind: string,
): { path: string; contents: string } {
  const message = `${kind === "action" ? "Action" : "Polling trigger"} ${op.name} is not implemented yet: write it in ${op.stubPath}.`;
  // Underscored until the person uses them, so the stub passes the linter's unused-parameter rule.
  const params = kind === "action" ? "_inputs, _context" : "_inputs, _lastPollTs, _context";
  // Laid out as the formatter would at 100 columns, so a fresh stub is already formatted.
  const writeBody = (writer: CodeBlockWriter, depth: number) => writeThrow(writer, message, depth);
  const text = printWithWriter((writer) => {
    writer.writeLine(`import { ${helper} } from "../generated/contract.gen.ts";`).blankLine();
    writer.writeLine(
      docLine(op.description === "" ? `Handles the ${op.name} ${kind}.` : op.description),
    );
    const head = `export const ${op.handlerConst} = ${helper}(${stringLiteral(op.name)}, async (${params}) => {`;
    if (head.length <= 100) {
      writer.writeLine(head);
      writer.indent(() => writeBody(writer, 1));
      writer.writeLine("});");
    } else {
      writer.writeLine(`export const ${op.handlerConst} = ${helper}(`);
      writer.indent(() => {
        writer.writeLine(`${stringLiteral(op.name)},`);
        writer.writeLine(`async (${params}) => {`);
        writer.indent(() => writeBody(writer, 2));
        writer.writeLine("},");
      });
      writer.writeLine(");");
    }
  });
  return { path: op.stubPath, contents: escapeSeparators(text) };
}

/**
 * `src/index.ts`, created when absent: wires every stub (and the connected-account handler) into
 * `createIntegration`.
 */
export function emitIndex(config: IntegrationConfig, plan: Plan): string {
  const name = config.display_name ?? config.name;
  const hasTriggers = plan.triggers.length > 0;
  const text = printWithWriter((writer) => {
    const contract = [
      "createIntegration",
      "type Handlers",
      ...(hasTriggers ? ["type TriggerHandlers"] : []),
    ];
    // Sorted by path and wrapped at 100 columns (a lone name never wraps), as the linter's import sorting and the
    // formatter would leave them.
    const imports: Array<[string, string[]]> = [["./generated/contract.gen.ts", contract]];
    const account = plan.connectedAccount;
    for (const handler of [...plan.actions, ...plan.triggers, ...(account ? [account] : [])]) {
      imports.push([`./${handler.stubPath.slice("src/".length)}`, [handler.handlerConst]]);
    }
    imports.sort(
      ([a], [b]) => compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b),
    );
    for (const [from, names] of imports) {
      const line = `import { ${names.join(", ")} } from "${from}";`;
      if (line.length <= 100 || names.length === 1) writer.writeLine(line);
      else {
        writer.writeLine("import {");
        writer.indent(() => {
          for (const name of names) writer.writeLine(`${name},`);
        });
        writer.writeLine(`} from "${from}";`);
      }
    }
    writer.blankLine();
    const ready = account
      ? "ready to execute actions and describe the connected account"
      : "ready to execute actions";
    writer.writeLine(docLine(`The ${name} integration, ${ready}.`));
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
      if (account) {
        const { handlerConst } = account;
        writer.writeLine(
          handlerConst === "connectedAccount"
            ? "connectedAccount,"
            : `connectedAccount: ${handlerConst},`,
        );
      }
    });
    writer.writeLine("});");
  });
  return escapeSeparators(text);
}
