import { defineAction } from "../generated/contract.gen.ts";

/** Inputs of every shape. */
export const kitchenSink = defineAction("kitchen_sink", async (inputs, context) => {
  throw new Error("The \"kitchen_sink\" action is not implemented yet: write it in src/actions/kitchen_sink.ts.");
});
