import { defineAction } from "../generated/contract.gen.ts";

/** Inputs of every shape. */
export const kitchenSink = defineAction("kitchen_sink", async (_inputs, _context) => {
  throw new Error(
    "Action kitchen_sink is not implemented yet: write it in src/actions/kitchen_sink.ts.",
  );
});
