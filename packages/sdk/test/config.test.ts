import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ConfigurationError, Integration, parseConfig } from "../src/index.ts";
import { parsePollingInterval } from "../src/internal.ts";
import { sampleConfig } from "./fixtures.ts";

const CORPUS = join(import.meta.dirname, "../../../../shared/corpus/autohive");
const corpus = (() => {
  try {
    return readdirSync(CORPUS).filter((d) => existsSync(join(CORPUS, d, "config.json")));
  } catch {
    return [];
  }
})();

function thrown(fn: () => unknown): ConfigurationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigurationError) return error;
    throw error;
  }
  throw new Error("expected a ConfigurationError");
}

describe.skipIf(corpus.length === 0)("the real-world corpus", () => {
  if (corpus.length === 0) process.stderr.write(`note: corpus not found at ${CORPUS}; skipped\n`);
  it("parses all 77 configs", () => {
    expect(corpus.length).toBe(77);
    for (const name of corpus) {
      const file = join(CORPUS, name, "config.json");
      const config = parseConfig(readFileSync(file, "utf8"), file);
      expect(Object.keys(config.actions).length).toBeGreaterThan(0);
      expect(() => new Integration(config)).not.toThrow();
    }
  });
});

describe("parseConfig: JSON syntax", () => {
  it.each([
    ['{\n  "name": "x",\n  "version": 1,,\n}', 3, 16, '","'],
    ['{\n  "name": "x"\n  "version": "1"\n}', 3, 3, '"\\""'],
    ['{"name": }', 1, 10, '"}"'],
    ['{"name": "x"', 1, 13, "end of file"],
    ["", 1, 1, "end of file"],
  ])("reports %j at line %i, column %i", (text, line, column, found) => {
    const error = thrown(() => parseConfig(text, "integrations/x/config.json"));
    expect(error).toMatchObject({
      code: "config_invalid_json",
      file: "integrations/x/config.json",
      line,
      column,
    });
    expect(error.message).toContain(`integrations/x/config.json:${line}:${column}: invalid JSON`);
    expect(error.message).toContain(`found ${found}`);
  });

  it("accepts a byte-order mark", () => {
    expect(parseConfig(`\uFEFF${JSON.stringify(sampleConfig())}`, "c.json").name).toBe("tracker");
  });
});

describe("parseConfig: structure", () => {
  const text = (mutate: (config: Record<string, unknown>) => void) => {
    const config = sampleConfig() as unknown as Record<string, unknown>;
    mutate(config);
    return JSON.stringify(config, null, 2);
  };
  const actions = (c: Record<string, unknown>) =>
    c.actions as Record<string, Record<string, unknown>>;

  it("names a missing output_schema by pointer, with line and column", () => {
    const error = thrown(() =>
      parseConfig(
        text((c) => delete actions(c).create_issue?.output_schema),
        "config.json",
      ),
    );
    expect(error.message).toBe(
      'config.json#/actions/create_issue: missing "output_schema": add an output_schema object',
    );
    expect(error).toMatchObject({ code: "config_invalid", pointer: "/actions/create_issue" });
    expect(error.line).toBeGreaterThan(1);
    expect(error.column).toBe(21);
  });

  it.each([100, 20_000])(
    "names the file and JSON pointer of a schema nested %i deep, with no stack overflow",
    (depth) => {
      // Written as text: JSON.stringify itself overflows on such a value.
      const schema = `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}`;
      const source = text((c) => {
        const action = actions(c).create_issue as Record<string, unknown>;
        action.input_schema = "SCHEMA";
      }).replace('"SCHEMA"', schema);
      const error = thrown(() => parseConfig(source, "integrations/x/config.json"));
      expect(error).toMatchObject({ code: "config_invalid", file: "integrations/x/config.json" });
      // 64 levels: config, actions, create_issue, input_schema, then properties/a pairs.
      const pointer = `/actions/create_issue/input_schema${"/properties/a".repeat(30)}/properties`;
      expect(error.pointer).toBe(pointer);
      expect(error.message).toBe(
        `integrations/x/config.json#${pointer}: nested deeper than 64 levels of objects and arrays, the most a config.json may have; flatten this schema`,
      );
    },
  );

  it("rejects a polling_interval of 5x with the expected forms", () => {
    const error = thrown(() =>
      parseConfig(
        text((c) => {
          const triggers = c.polling_triggers as { new_issues: Record<string, unknown> };
          triggers.new_issues.polling_interval = "5x";
        }),
        "config.json",
      ),
    );
    expect(error.pointer).toBe("/polling_triggers/new_issues/polling_interval");
    expect(error.message).toContain('"5x" is not an interval');
    expect(error.message).toContain('"30s", "5m", "2h", "1d"');
  });

  it("accepts the dedupe strategies and rejects others, with the fix", () => {
    for (const dedupe of ["unique", "greatest", "last"]) {
      const config = parseConfig(
        text((c) => {
          const triggers = c.polling_triggers as { new_issues: Record<string, unknown> };
          triggers.new_issues.dedupe = dedupe;
        }),
        "config.json",
      );
      expect(config.polling_triggers?.new_issues?.dedupe).toBe(dedupe);
    }
    const error = thrown(() =>
      parseConfig(
        text((c) => {
          const triggers = c.polling_triggers as { new_issues: Record<string, unknown> };
          triggers.new_issues.dedupe = "newest";
        }),
        "config.json",
      ),
    );
    expect(error.pointer).toBe("/polling_triggers/new_issues/dedupe");
    expect(error.message).toBe(
      'config.json#/polling_triggers/new_issues/dedupe: expected one of "unique", "greatest", "last", got string "newest"',
    );
    expect(error.line).toBeGreaterThan(1);
  });

  it("checks apply_defaults is a boolean", () => {
    const error = thrown(() =>
      parseConfig(
        text((c) => {
          c.apply_defaults = "yes";
        }),
        "config.json",
      ),
    );
    expect(error.pointer).toBe("/apply_defaults");
    expect(error.message).toContain('expected a boolean, got string "yes"');
  });

  it.each([
    [
      "a misspelt type",
      (c: Record<string, unknown>) => {
        const list = (c.actions as { list_issues: { input_schema: Record<string, unknown> } })
          .list_issues;
        list.input_schema.type = "obect";
      },
      "/actions/list_issues/input_schema/type",
      'got "obect"',
    ],
    [
      "a non-string name",
      (c: Record<string, unknown>) => {
        c.name = 3;
      },
      "/name",
      "expected a string, got number 3",
    ],
    [
      "missing actions",
      (c: Record<string, unknown>) => {
        delete c.actions;
      },
      "",
      'missing "actions"',
    ],
    [
      "an action that is not an object",
      (c: Record<string, unknown>) => {
        actions(c).list_issues = [] as never;
      },
      "/actions/list_issues",
      "expected an object, got an array",
    ],
    [
      "custom auth without fields",
      (c: Record<string, unknown>) => {
        c.auth = { type: "custom" };
      },
      "/auth",
      'missing "fields"',
    ],
    [
      "a non-boolean flag",
      (c: Record<string, unknown>) => {
        c.supports_billing = "yes";
      },
      "/supports_billing",
      "expected a boolean",
    ],
  ])("rejects %s", (_label, mutate, pointer, fragment) => {
    const error = thrown(() => parseConfig(text(mutate), "config.json"));
    expect(error.pointer).toBe(pointer);
    expect(error.message).toContain(fragment);
  });
});

describe("parsePollingInterval", () => {
  it("parses s, m, h and d into milliseconds", () => {
    expect(["30s", "5m", "2h", "1d"].map(parsePollingInterval)).toEqual([
      30_000, 300_000, 7_200_000, 86_400_000,
    ]);
  });

  it.each(["5x", "", "m5", "0s", "1.5h", " 5m", "5 m"])("rejects %j", (interval) => {
    expect(() => parsePollingInterval(interval)).toThrow(ConfigurationError);
  });
});

describe("Integration.load", () => {
  const dir = mkdtempSync(join(tmpdir(), "plugboard-sdk-"));

  it("loads a path or a file URL", () => {
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify(sampleConfig()));
    expect(Integration.load(file).config.name).toBe("tracker");
    expect(Integration.load(pathToFileURL(file)).config.display_name).toBe("Tracker");
  });

  it("reports a missing file", () => {
    const error = thrown(() => Integration.load(join(dir, "absent.json")));
    expect(error).toMatchObject({ code: "config_not_found" });
    expect(error.message).toContain("absent.json: config file not found");
  });

  it("reports an unreadable file (a directory)", () => {
    expect(thrown(() => Integration.load(dir))).toMatchObject({
      code: "config_unreadable",
      file: dir,
    });
  });

  it("reports bad JSON with file, line and column", () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, '{\n  "name": "x",\n  oops\n}');
    const error = thrown(() => Integration.load(file));
    expect(error).toMatchObject({ code: "config_invalid_json", file, line: 3, column: 3 });
  });
});
