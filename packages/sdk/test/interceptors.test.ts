import { startRecordingServer } from "@plugboard/testing";
import { describe, expect, it } from "vitest";
import { ExecutionContext, type HttpInterceptor } from "../src/index.ts";

describe("ExecutionContext interceptors", () => {
  it("every request goes through them, after origin overrides and auth", async () => {
    const server = await startRecordingServer({ "GET /v1/me": { body: { id: 1 } } });
    const seen: string[] = [];
    const spy: HttpInterceptor = (dispatch) => (options, handler) => {
      // undici's fetch passes headers as an object keyed as the request spelled them.
      const headers = Object.entries(options.headers as Record<string, string>);
      const auth = headers.find(([name]) => name.toLowerCase() === "authorization")?.[1];
      seen.push(`${options.method} ${String(options.origin)}${options.path} ${auth}`);
      return dispatch(options, handler);
    };
    const context = new ExecutionContext({
      auth: { auth_type: "PlatformOauth2", credentials: { access_token: "tok-9876" } },
      originOverrides: { "https://api.example.com": server.origin },
      interceptors: [spy],
    });
    try {
      const response = await context.fetch("https://api.example.com/v1/me", { params: { a: 1 } });
      expect(response.data).toEqual({ id: 1 });
      expect(seen).toEqual([`GET ${server.origin}/v1/me?a=1 Bearer tok-9876`]);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
