import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageDir, typecheck } from "./helpers.ts";

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file));
}

const golden = join(packageDir, "test/golden");
const notesSrc = join(golden, "notes/src");
const wiring = (actions: string) => `
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";
import { createNote } from "./actions/create_note.ts";
import { listNotes } from "./actions/list_notes.ts";
import { deleteNote } from "./actions/delete_note.ts";
import { newNotesTrigger } from "./triggers/new_notes.ts";
void [createNote, listNotes, deleteNote];
export const integration = createIntegration({
  actions: { ${actions} } satisfies Handlers,
  triggers: { new_notes: newNotesTrigger },
});
`;

describe("the goldens compile", () => {
  it("type-checks every golden file and the type tests with no diagnostic", () => {
    const diagnostics = typecheck([...tsFiles(golden), join(packageDir, "test/types.test-d.ts")]);
    expect(diagnostics).toEqual([]);
  }, 120_000);

  it("makes a missing handler TS1360 and a stale one TS2353 with `satisfies Handlers`", () => {
    const missing = join(notesSrc, "wiring-missing.ts");
    const stale = join(notesSrc, "wiring-stale.ts");
    const complete = join(notesSrc, "wiring-complete.ts");
    const diagnostics = typecheck([], {
      [missing]: wiring("create_note: createNote, list_notes: listNotes"),
      [stale]: wiring(
        "create_note: createNote, list_notes: listNotes, delete_note: deleteNote, archive_note: deleteNote",
      ),
      [complete]: wiring("create_note: createNote, list_notes: listNotes, delete_note: deleteNote"),
    });
    const codes = (file: string) => diagnostics.filter((d) => d.file === file).map((d) => d.code);
    // createIntegration's own parameter type reports the missing handler as well (TS2741).
    expect(codes(missing)).toContain(1360);
    const satisfiesError = diagnostics.find((d) => d.file === missing && d.code === 1360);
    expect(satisfiesError?.message).toContain("delete_note");
    expect(codes(stale)).toEqual([2353]);
    expect(diagnostics.find((d) => d.file === stale)?.message).toContain("archive_note");
    expect(codes(complete)).toEqual([]);
  }, 120_000);
});
