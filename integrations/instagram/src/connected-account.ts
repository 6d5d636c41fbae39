import { defineConnectedAccount } from "./generated/contract.gen.ts";

/** Describes the connected Instagram account: its username, id and avatar. */
export const connectedAccount = defineConnectedAccount(async (context) => {
  const response = await context.fetch<{
    user_id: string;
    username: string;
    profile_picture_url?: string;
  }>("/me", { params: { fields: "user_id,username,profile_picture_url" } });
  const me = response.data;
  return {
    username: me.username,
    user_id: String(me.user_id),
    ...(me.profile_picture_url ? { avatar_url: me.profile_picture_url } : {}),
  };
});
