import { defineAction } from "../generated/contract.gen.ts";

/** *\/ `${globalThis.pwned = 1}` "q" 'q' \ \u2028 \u2029 </script><script>alert(1)</script> */
export const evilStrings = defineAction("evil_strings", async (inputs, context) => {
  throw new Error("The \"evil_strings\" action is not implemented yet: write it in src/actions/evil_strings.ts.");
});
