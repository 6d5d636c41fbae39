import type { IntegrationConfig } from "@plugboard/sdk";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.ts";
import { fixture } from "./helpers.ts";

/** The lines that differ between two generations, by file (files of equal line counts only). */
function changedLines(before: IntegrationConfig, after: IntegrationConfig) {
  const a = new Map(generate(before).map((f) => [f.path, f.contents]));
  const changed: Record<string, Array<{ before: string; after: string }>> = {};
  for (const file of generate(after)) {
    const old = a.get(file.path);
    expect(old, `${file.path} exists in both`).toBeDefined();
    if (old === file.contents) continue;
    const oldLines = (old ?? "").split("\n");
    const newLines = file.contents.split("\n");
    expect(newLines.length, `${file.path} keeps its line count`).toBe(oldLines.length);
    changed[file.path] = newLines.flatMap((line, i) =>
      line === oldLines[i] ? [] : [{ before: oldLines[i] ?? "", after: line }],
    );
  }
  return changed;
}

function withFolderId(extra: Record<string, unknown>): IntegrationConfig {
  const config = structuredClone(fixture("notes"));
  const properties = config.actions.create_note?.input_schema?.properties as Record<
    string,
    Record<string, unknown>
  >;
  properties.folder_id = { ...properties.folder_id, ...extra };
  return config;
}

describe("a config change is a small, readable diff of the generated files", () => {
  it("a property's maximum changes only the lines that check it", () => {
    const changed = changedLines(withFolderId({ maximum: 100 }), withFolderId({ maximum: 250 }));
    expect(Object.keys(changed).sort()).toEqual([
      "src/generated/actions/create_note.gen.js",
      "src/generated/config.gen.ts",
    ]);
    expect(changed["src/generated/config.gen.ts"]).toEqual([
      { before: '            "maximum": 100', after: '            "maximum": 250' },
    ]);
    const validator = changed["src/generated/actions/create_note.gen.js"] ?? [];
    // The comparison, the error it reports, and Ajv's copy of the schema: nothing else.
    expect(validator.length).toBeGreaterThan(0);
    expect(validator.length).toBeLessThanOrEqual(3);
    for (const { before, after } of validator) {
      expect(before).toContain("100");
      expect(after).toBe(before.replaceAll("100", "250"));
    }
    expect(validator.some(({ after }) => after.includes("> 250"))).toBe(true);
  });

  it("a property's description changes one line of the types and one of the config", () => {
    const changed = changedLines(
      withFolderId({ description: "The folder." }),
      withFolderId({ description: "The folder to create the note in." }),
    );
    expect(changed).toEqual({
      "src/generated/types.gen.ts": [
        { before: "  /** The folder. */", after: "  /** The folder to create the note in. */" },
      ],
      "src/generated/config.gen.ts": [
        {
          before: '            "description": "The folder."',
          after: '            "description": "The folder to create the note in."',
        },
      ],
    });
  });
});
