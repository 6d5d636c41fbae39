import { defineAction } from "../generated/contract.gen.ts";

/** Kebab-case name *\/ `${globalThis.pwned = 1}` "q" 'q' \ \u2028 \u2029 </script><script>alert(1)</script> */
export const getPage2 = defineAction("get-page", async (_inputs, _context) => {
  throw new Error("Action get-page is not implemented yet: write it in src/actions/get-page.ts.");
});
