import { defineAction } from "../generated/contract.gen.ts";

/** Empty input and output schemas. */
export const noSchemaBody = defineAction("no_schema_body", async (_inputs, _context) => {
  throw new Error(
    "Action no_schema_body is not implemented yet: write it in src/actions/no_schema_body.ts.",
  );
});
