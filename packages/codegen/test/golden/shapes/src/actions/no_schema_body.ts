import { defineAction } from "../generated/contract.gen.ts";

/** Empty input and output schemas. */
export const noSchemaBody = defineAction("no_schema_body", async (inputs, context) => {
  throw new Error("The \"no_schema_body\" action is not implemented yet: write it in src/actions/no_schema_body.ts.");
});
