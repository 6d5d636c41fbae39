import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeContent, fixtureBody } from "../../src/record/fixture-body.ts";
import { secretsOf } from "../../src/record/redact-exchange.ts";

const secrets = secretsOf({ api_key: "sk+live/42==" });

describe("fixtureBody", () => {
  it("keeps compact JSON parsed and other JSON as text, so replay gives the same bytes", () => {
    expect(fixtureBody(Buffer.from('{"a":[1,2]}'), "application/json", [])).toEqual({
      body: { a: [1, 2] },
      bodyEncoding: "json",
    });
    const pretty = '{\n  "a": 1\n}';
    expect(fixtureBody(Buffer.from(pretty), "application/json", [])).toEqual({
      body: pretty,
      bodyEncoding: "text",
    });
  });

  it("stores bytes that are not UTF-8 as base64, whatever the content type says", () => {
    const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xe2, 0xe3, 0xcf, 0xd3]);
    expect(fixtureBody(bytes, "text/plain", [])).toEqual({
      body: bytes.toString("base64"),
      bodyEncoding: "base64",
    });
    expect(fixtureBody(Buffer.alloc(0), "image/png", [])).toEqual({ body: null });
  });

  it("redacts credentials by value (raw, percent-, form-encoded) and by field name", () => {
    const form = `grant_type=client_credentials&client_secret=abc123&key=${encodeURIComponent("sk+live/42==")}`;
    expect(fixtureBody(Buffer.from(form), "application/x-www-form-urlencoded", secrets)).toEqual({
      body: "grant_type=client_credentials&client_secret=%5BREDACTED%5D&key=%5BREDACTED%5D",
      bodyEncoding: "text",
    });
    const json = JSON.stringify({ note: "key sk+live/42== inside", token: "other" });
    expect(fixtureBody(Buffer.from(json), "application/json", secrets).body).toEqual({
      note: "key [REDACTED] inside",
      token: "[REDACTED]",
    });
    const binary = Buffer.concat([Buffer.from([0xff, 0x00]), Buffer.from("sk+live/42==")]);
    const stored = fixtureBody(binary, "application/octet-stream", secrets);
    expect(Buffer.from(String(stored.body), "base64").toString("latin1")).toBe(
      "\u00ff\u0000[REDACTED]",
    );
  });
});

describe("decodeContent", () => {
  it("undoes gzip and leaves an unknown coding's bytes alone", () => {
    expect(decodeContent(gzipSync("hello"), "gzip").toString()).toBe("hello");
    expect(decodeContent(Buffer.from("zz"), "compress").toString()).toBe("zz");
    expect(decodeContent(Buffer.from("plain"), undefined).toString()).toBe("plain");
  });
});
