import { createNote } from "./actions/create_note.ts";
import { deleteNote } from "./actions/delete_note.ts";
import { listNotes } from "./actions/list_notes.ts";
import {
  createIntegration,
  type Handlers,
  type TriggerHandlers,
} from "./generated/contract.gen.ts";
import { newNotesTrigger } from "./triggers/new_notes.ts";

/** The Notes integration, ready to execute actions. */
export const integration = createIntegration({
  actions: {
    create_note: createNote,
    list_notes: listNotes,
    delete_note: deleteNote,
  } satisfies Handlers,
  triggers: {
    new_notes: newNotesTrigger,
  } satisfies TriggerHandlers,
});
