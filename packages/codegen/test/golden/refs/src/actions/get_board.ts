import { defineAction } from "../generated/contract.gen.ts";

/** Gets a board: its own task type, under a name another schema already uses. */
export const getBoard = defineAction("get_board", async (_inputs, _context) => {
  throw new Error("Action get_board is not implemented yet: write it in src/actions/get_board.ts.");
});
