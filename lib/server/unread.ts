import "server-only";
import { unreadByCreator } from "@/lib/server/chats/mirror/query";
import { getCreatorOverview } from "@/lib/server/creators/overview";
import { db } from "@/lib/server/db";
import { can } from "@/lib/schemas/permissions";
import { seatCreatorAccess, seatCreators, userSeats } from "@/lib/server/workspaces/seats";

export type UnreadByCreator = Record<string, number | null>;

/** Chats with unread messages for every creator the user may read chats of
 * (the switcher's badges): agency-managed creators from Vuedeck's copy of
 * their chats (Fanvue has no agency unread count), a creator's own account
 * from Fanvue's /chats/unread (cached 30 s). null: not known yet. */
export async function unreadForUser(userId: string): Promise<UnreadByCreator> {
  const creators = seatCreators(await userSeats(userId)).filter((c) => can(c.role, "chats:read"));
  const agency = creators.filter((c) => c.workspaceKind === "agency").map((c) => c.id);
  const [synced, counts] = await Promise.all([
    db.mirrorChatSync.findMany({
      where: { creatorId: { in: agency }, syncedAt: { not: null } },
      select: { creatorId: true },
    }),
    unreadByCreator(agency),
  ]);
  const out: UnreadByCreator = {};
  const ready = new Set(synced.map((s) => s.creatorId));
  for (const id of agency) out[id] = ready.has(id) ? (counts.get(id) ?? 0) : null;
  await Promise.all(
    creators
      .filter((c) => c.workspaceKind === "creator")
      .map(async (c) => {
        const access = await seatCreatorAccess(userId, c.id);
        out[c.id] = access
          ? await getCreatorOverview(access).then(
              (s) => s.data.unreadChats,
              () => null,
            )
          : null;
      }),
  );
  return out;
}
