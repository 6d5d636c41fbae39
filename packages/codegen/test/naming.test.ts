import type { IntegrationConfig } from "@plugboard/sdk";
import { describe, expect, it } from "vitest";
import { camelCase, fileStem, isIdentifier, NameAllocator, pascalCase } from "../src/naming.ts";
import { plan } from "../src/plan.ts";

describe("identifier mangling", () => {
  it("turns wire names into identifiers", () => {
    expect(pascalCase("create_issue")).toBe("CreateIssue");
    expect(pascalCase("get-page")).toBe("GetPage");
    expect(pascalCase("listItems")).toBe("ListItems");
    expect(pascalCase("2fa_check")).toBe("_2faCheck");
    expect(pascalCase("créer_note")).toBe("CréerNote");
    expect(pascalCase("!!!")).toBe("Unnamed");
    expect(camelCase("delete")).toBe("delete_");
    expect(camelCase("create_issue")).toBe("createIssue");
    expect(isIdentifier("naïve")).toBe(true);
    expect(isIdentifier("a-b")).toBe(false);
    expect(isIdentifier("class")).toBe(false);
  });

  it("makes safe file names", () => {
    expect(fileStem("get_page")).toBe("get_page");
    expect(fileStem("../../escape")).toBe("escape");
    expect(fileStem("créer note")).toBe("creer_note");
    expect(fileStem("日本")).toMatch(/^[A-Za-z0-9_]+$/);
  });

  it("hands out unique names case-insensitively", () => {
    const names = new NameAllocator(["Actions"]);
    expect(names.allocate("GetPage")).toBe("GetPage");
    expect(names.allocate("getpage")).toBe("getpage2");
    expect(names.allocate("actions")).toBe("actions2");
  });
});

describe("plan", () => {
  const config = (actions: string[]): IntegrationConfig => ({
    name: "x",
    version: "1.0.0",
    description: "x",
    entry_point: "x.py",
    actions: Object.fromEntries(
      actions.map((name) => [name, { description: name, input_schema: {}, output_schema: {} }]),
    ),
  });

  it("gives colliding names distinct types, consts and files, whatever the key order", () => {
    const a = plan(config(["get_page", "get-page", "Get_Page"])).actions;
    const b = plan(config(["Get_Page", "get-page", "get_page"])).actions;
    const byName = (ops: typeof a) => Object.fromEntries(ops.map((op) => [op.name, op]));
    expect(byName(a)).toEqual(byName(b));
    const types = a.flatMap((op) => [op.inputType, op.outputType]);
    expect(new Set(types.map((t) => t.toLowerCase())).size).toBe(6);
    expect(new Set(a.map((op) => op.stubPath.toLowerCase())).size).toBe(3);
    expect(new Set(a.map((op) => op.handlerConst)).size).toBe(3);
  });
});
