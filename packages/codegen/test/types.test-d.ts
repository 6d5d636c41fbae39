// Type tests over the committed goldens: compiled by compile.test.ts (and the package
// typecheck), never run. Each expectation pins what a schema shape means in TypeScript.
import type { ActionHandler, ConnectedAccountHandler, PollingTriggerHandler } from "@plugboard/sdk";
import { expectTypeOf } from "vitest";
import type * as adversarial from "./golden/adversarial/src/generated/types.gen.ts";
import type { Handlers, TriggerHandlers } from "./golden/notes/src/generated/contract.gen.ts";
import {
  defineAction,
  createIntegration as notesCreate,
} from "./golden/notes/src/generated/contract.gen.ts";
import type {
  Actions,
  CreateNoteInput,
  CreateNoteOutput,
  Credentials,
  ListNotesOutput,
  NewNotesRecord,
  Triggers,
} from "./golden/notes/src/generated/types.gen.ts";
import type { validators } from "./golden/notes/src/generated/validators.gen.js";
import type * as refs from "./golden/refs/src/generated/types.gen.ts";
import type * as shapesContract from "./golden/shapes/src/generated/contract.gen.ts";
import type * as shapes from "./golden/shapes/src/generated/types.gen.ts";

// Required properties are non-optional, the others optional.
expectTypeOf<CreateNoteInput["title"]>().toEqualTypeOf<string>();
expectTypeOf<CreateNoteInput>().toHaveProperty("body");
expectTypeOf<Pick<CreateNoteInput, "body">>().toEqualTypeOf<{ body?: string }>();
// ["string", "null"] → string | null; enums → literal unions; maxItems: 20 → an array, not tuples.
expectTypeOf<NonNullable<CreateNoteInput["due"]>>().toEqualTypeOf<string>();
expectTypeOf<CreateNoteInput["due"]>().toEqualTypeOf<string | null | undefined>();
expectTypeOf<CreateNoteInput["priority"]>().toEqualTypeOf<"low" | "normal" | "high" | undefined>();
expectTypeOf<CreateNoteInput["tags"]>().toEqualTypeOf<string[] | undefined>();
expectTypeOf<ListNotesOutput["next_cursor"]>().toEqualTypeOf<string | null>();
expectTypeOf<ListNotesOutput["notes"][number]>().toEqualTypeOf<{ id: string; title: string }>();
// Credentials come from auth.fields.
expectTypeOf<Credentials>().toEqualTypeOf<{ api_key: string; subdomain?: string }>();
// The maps tie names to types.
expectTypeOf<Actions["create_note"]>().toEqualTypeOf<{
  input: CreateNoteInput;
  output: CreateNoteOutput;
}>();
expectTypeOf<Triggers["new_notes"]["record"]>().toEqualTypeOf<NewNotesRecord>();
expectTypeOf<Handlers["delete_note"]>().toEqualTypeOf<
  ActionHandler<Actions["delete_note"]["input"], Actions["delete_note"]["output"], Credentials>
>();
expectTypeOf<TriggerHandlers["new_notes"]>().toEqualTypeOf<
  PollingTriggerHandler<Triggers["new_notes"]["input"], NewNotesRecord, Credentials>
>();
// Validators narrow to the generated type.
type CreateNoteValidators = Awaited<ReturnType<typeof validators.actions.create_note>>;
expectTypeOf<CreateNoteValidators["input"]>().guards.toEqualTypeOf<CreateNoteInput>();
expectTypeOf<CreateNoteValidators["output"]>().guards.toEqualTypeOf<CreateNoteOutput>();

type Sink = shapes.KitchenSinkInput;
// Objects without properties are Record<string, unknown>; additionalProperties is honoured.
expectTypeOf<NonNullable<Sink["free_object"]>>().toEqualTypeOf<Record<string, unknown>>();
expectTypeOf<NonNullable<Sink["closed_object"]>>().toEqualTypeOf<{ a?: string }>();
expectTypeOf<NonNullable<Sink["string_map"]>>().toEqualTypeOf<Record<string, string>>();
expectTypeOf<Sink["real_union"]>().toEqualTypeOf<string | number | boolean | null | undefined>();
expectTypeOf<Sink["level"]>().toEqualTypeOf<1 | 2 | 3 | undefined>();
expectTypeOf<Sink["fixed"]>().toEqualTypeOf<"v1" | undefined>();
expectTypeOf<Sink["ids"]>().toEqualTypeOf<string[]>();
expectTypeOf<Sink["one_of"]>().toEqualTypeOf<string | number | undefined>();
expectTypeOf<Sink["untyped"]>().toEqualTypeOf<unknown>();
// Draft-03 `required: false` and OpenAPI `nullable` are ignored, as the validator ignores them.
expectTypeOf<Sink["legacy_required"]>().toEqualTypeOf<string | undefined>();
expectTypeOf<Sink["openapi_nullable"]>().toEqualTypeOf<string | undefined>();
expectTypeOf<shapes.KitchenSinkOutput>().toEqualTypeOf<Array<{ id: string }>>();
expectTypeOf<shapes.EitherOutput>().toEqualTypeOf<
  { ok: true; value: string } | { ok: false; error: string }
>();
expectTypeOf<shapes.NoSchemaBodyInput>().toEqualTypeOf<unknown>();

// Names that collide or are not identifiers still get distinct, deterministic types.
expectTypeOf<adversarial.Actions["get-page"]["input"]>().toEqualTypeOf<adversarial.GetPageInput2>();
expectTypeOf<adversarial.Actions["get_page"]["input"]>().toEqualTypeOf<adversarial.GetPageInput3>();
expectTypeOf<adversarial.GetPageInput2>().toEqualTypeOf<{ "page-id": string }>();
expectTypeOf<
  adversarial.Actions["2fa_check"]["input"]
>().toEqualTypeOf<adversarial._2faCheckInput>();

// A handler gets typed inputs and must return the declared output.
defineAction("create_note", async (inputs) => {
  expectTypeOf(inputs.title).toEqualTypeOf<string>();
  return { data: { id: "n1", title: inputs.title, created_at: "2024-01-01T00:00:00Z" } };
});
// @ts-expect-error -- the output misses required `created_at`.
defineAction("create_note", async (inputs) => ({ data: { id: "n1", title: inputs.title } }));
defineAction("create_note", async (inputs) => {
  // @ts-expect-error -- `titel` is not an input of create_note.
  const id: string = inputs.titel;
  return { data: { id, title: "", created_at: "" } };
});
// @ts-expect-error -- no such action.
defineAction("create_notes", async () => ({ data: {} }));

// Declared polling triggers and a declared connected account must be wired, as actions must.
declare const notesActions: Handlers;
declare const notesTriggers: TriggerHandlers;
notesCreate({ actions: notesActions, triggers: notesTriggers });
// @ts-expect-error notes declares the polling trigger new_notes: `triggers` is required
notesCreate({ actions: notesActions });
// @ts-expect-error every declared trigger needs its handler
notesCreate({ actions: notesActions, triggers: {} });
declare const shapesActions: shapesContract.Handlers;
declare const account: ConnectedAccountHandler<shapes.Credentials>;
declare const shapesCreate: typeof shapesContract.createIntegration;
shapesCreate({ actions: shapesActions, connectedAccount: account });
// @ts-expect-error shapes sets supports_connected_account: its handler is required
shapesCreate({ actions: shapesActions });

// Local $refs: one named type per definition, shared across schemas, recursive where the schema is.
expectTypeOf<refs.ListTasksOutput["tasks"]>().toEqualTypeOf<refs.Task[]>();
expectTypeOf<refs.GetTaskOutput["task"]>().toEqualTypeOf<refs.Task>();
expectTypeOf<refs.Task["subtasks"]>().toEqualTypeOf<refs.Task[] | undefined>();
expectTypeOf<refs.Task["status"]>().toEqualTypeOf<refs.Status>();
expectTypeOf<refs.Status>().toEqualTypeOf<"open" | "done">();
expectTypeOf<refs.ListTasksInput["status"]>().toEqualTypeOf<refs.Status | undefined>();
// A different definition under a taken name is prefixed with its schema's type name.
expectTypeOf<refs.GetBoardOutput["task"]>().toEqualTypeOf<refs.GetBoardOutputTask | undefined>();
expectTypeOf<refs.GetBoardOutputTask>().toEqualTypeOf<{ title?: string }>();
// apply_defaults: true (refs) marks defaulted inputs present; off by default (notes' priority above).
expectTypeOf<refs.ListTasksInput["limit"]>().toEqualTypeOf<number>();
