import { defineAction } from "../generated/contract.gen.ts";

/** *\/ `${globalThis.pwned = 1}` "q" 'q' \ \u2028 \u2029 </script><script>alert(1)</script> */
export const evilStrings = defineAction("evil_strings", async (_inputs, _context) => {
  throw new Error(
    "Action evil_strings is not implemented yet: write it in src/actions/evil_strings.ts.",
  );
});
