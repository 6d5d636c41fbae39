import { describe, expect, it } from "vitest";
import { CliError } from "../src/errors.ts";
import { parseJson, parseOrigins } from "../src/parse-json.ts";

describe("parseJson", () => {
  it("parses valid JSON", () => {
    expect(parseJson('{"a": [1, 2]}', "--input")).toEqual({ a: [1, 2] });
  });

  it("says where malformed JSON breaks, by line and column", () => {
    let error: unknown;
    try {
      parseJson('{\n  "a": 1,\n  }', "--input");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).code).toBe("invalid_json");
    expect((error as CliError).message).toMatch(/^--input is not valid JSON: .*line 3 column 3/);
  });

  it("points past the last character when the JSON stops early", () => {
    expect(() => parseJson('{\n  "limit":', "--input")).toThrow(
      /not valid JSON: .*\(line 2 column 11, found end of file\)$/,
    );
  });
});

describe("parseOrigins", () => {
  it("maps real origins to local ones", () => {
    expect(parseOrigins(["https://api.x.com/v1=http://127.0.0.1:1234"])).toEqual({
      "https://api.x.com": "http://127.0.0.1:1234",
    });
    expect(parseOrigins(undefined)).toBeUndefined();
  });

  it("rejects a value without a valid pair", () => {
    expect(() => parseOrigins(["api.x.com"])).toThrow(/expected <real origin>=<replacement>/);
  });
});
