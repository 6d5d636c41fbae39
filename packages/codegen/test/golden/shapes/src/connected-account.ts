import { defineConnectedAccount } from "./generated/contract.gen.ts";

/** Describes the account the credentials belong to. */
export const connectedAccount = defineConnectedAccount(async (_context) => {
  throw new Error(
    "The connected account is not implemented yet: write it in src/connected-account.ts.",
  );
});
