import "server-only";
import { db } from "@/lib/server/db";
import { ApiError } from "@/lib/server/api/errors";
import { fanvueClient } from "@/lib/server/fanvue/client";
import { getMe } from "@/lib/server/fanvue/users";
import type { AccountSummary } from "@/lib/schemas/account";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { withSnapshot } from "@/lib/server/snapshots";


/** The connection holding this user's own Fanvue tokens. */
export async function getOwnConnection(userId: string) {
  return db.fanvueConnection.findFirst({ where: { userId }, orderBy: { updatedAt: "desc" } });
}

/** Live /users/me for the signed-in user (last good answer while Fanvue
 * fails); keeps the stored profile shown in the shell header in step. */
export async function getAccountSummary(userId: string): Promise<Snapshot<AccountSummary>> {
  const conn = await getOwnConnection(userId);
  if (!conn) throw new ApiError("fanvue_reauth", "No Fanvue account is connected. Reconnect Fanvue to continue.");
  return withSnapshot(`me:${conn.id}`, async () => {
    const me = await getMe(fanvueClient({ connectionId: conn.id }));
    const displayName = me.displayName ?? me.handle;
    await db.user.update({ where: { id: userId }, data: { name: displayName, handle: me.handle, image: me.avatarUrl } });
    return {
      uuid: me.uuid,
      handle: me.handle,
      displayName,
      avatarUrl: me.avatarUrl,
      isCreator: me.isCreator,
      likesCount: me.likesCount,
      fanCounts: me.fanCounts,
      contentCounts: me.contentCounts,
    };
  });
}
