import type { ExecutionContext } from "./context.ts";
import type { ContextFetch } from "./fetch.ts";
import { type PaginateOptions, paginate } from "./paginate.ts";

/**
 * A view of `context` whose `fetch` (and `paginate`, which pages through it) is `fetch`;
 * everything else is the context's own. A Proxy rather than a second context, so the view
 * shares the context's connections, redaction and logger, and `instanceof` still holds.
 */
export function withFetch<C, S>(
  context: ExecutionContext<C, S>,
  fetch: ContextFetch,
): ExecutionContext<C, S> {
  const pages = <T>(url: string, options: PaginateOptions<T>) => paginate<T>(fetch, url, options);
  return new Proxy(context, {
    get(target, property) {
      if (property === "fetch") return fetch;
      if (property === "paginate") return pages;
      // Methods run on the real context: its private fields are not reachable through a Proxy.
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
