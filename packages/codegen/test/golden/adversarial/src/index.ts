import { _2faCheck } from "./actions/2fa_check.ts";
import { créerNote } from "./actions/creer_note.ts";
import { delete_ } from "./actions/delete.ts";
import { escape_ } from "./actions/escape.ts";
import { evilStrings } from "./actions/evil_strings.ts";
import { getPage2 } from "./actions/get-page.ts";
import { getPage } from "./actions/Get_Page.ts";
import { getPage3 } from "./actions/get_page2.ts";
import { createIntegration, type Handlers } from "./generated/contract.gen.ts";

/** The Adversarial *\/ `${process.exit(1)}` "quotes" \ </script> integration, ready to execute actions. */
export const integration = createIntegration({
  actions: {
    "get-page": getPage2,
    get_page: getPage3,
    Get_Page: getPage,
    "2fa_check": _2faCheck,
    delete: delete_,
    créer_note: créerNote,
    "../../escape": escape_,
    evil_strings: evilStrings,
  } satisfies Handlers,
});
