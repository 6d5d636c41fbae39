import type { OpenApiDocument } from "./description.ts";
import { type JsonObject, objectAt, stringAt } from "./description.ts";

/** The HTTP methods an OpenAPI Path Item can hold, in the order actions are created. */
export const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** One operation of the description, with the path item it belongs to. */
export interface SourceOperation {
  method: string;
  path: string;
  operation: JsonObject;
  pathItem: JsonObject;
  operationId: string | undefined;
  tags: string[];
}

/** What the importer left out, and why. */
export interface Skipped {
  /** `operationId`, `METHOD /path`, or the webhook/callback name. */
  what: string;
  reason: string;
}

/** Which operations to import: by tag, by `operationId`, or all of them. */
export interface Selection {
  tags?: string[];
  operations?: string[];
}

/** Every operation under `paths`, in document order. */
export function listOperations(document: OpenApiDocument): SourceOperation[] {
  const found: SourceOperation[] = [];
  for (const [path, value] of Object.entries(objectAt(document.paths))) {
    const pathItem = objectAt(value);
    for (const method of METHODS) {
      if (!(method in pathItem)) continue;
      const operation = objectAt(pathItem[method]);
      const tags = Array.isArray(operation.tags)
        ? operation.tags.filter((tag): tag is string => typeof tag === "string")
        : [];
      found.push({
        method,
        path,
        operation,
        pathItem,
        operationId: stringAt(operation.operationId),
        tags,
      });
    }
  }
  return found;
}

/** The operations the selection asks for; webhooks and callbacks reported as skipped. */
export function selectOperations(
  document: OpenApiDocument,
  selection: Selection,
): { operations: SourceOperation[]; skipped: Skipped[] } {
  const all = listOperations(document);
  const operations = all.filter(
    (op) =>
      (selection.tags === undefined || op.tags.some((tag) => selection.tags?.includes(tag))) &&
      (selection.operations === undefined ||
        (op.operationId !== undefined && selection.operations.includes(op.operationId))),
  );
  const skipped: Skipped[] = [];
  for (const name of Object.keys(objectAt(document.webhooks))) {
    skipped.push({ what: `webhook ${name}`, reason: "webhooks are sent by the API, not called" });
  }
  for (const op of operations) {
    for (const name of Object.keys(objectAt(op.operation.callbacks))) {
      skipped.push({
        what: `callback ${name} of ${op.operationId ?? `${op.method.toUpperCase()} ${op.path}`}`,
        reason: "callbacks are requests the API makes, not actions",
      });
    }
  }
  return { operations, skipped };
}
