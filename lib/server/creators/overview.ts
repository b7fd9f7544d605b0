import "server-only";
import type { CreatorOverview } from "@/lib/schemas/overview";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { touchMirror } from "@/lib/server/chats/mirror/inbox";
import { unreadByCreator } from "@/lib/server/chats/mirror/query";
import { getUnreadCounts, listSmartLists } from "@/lib/server/fanvue/resources/chats";
import { getMe } from "@/lib/server/fanvue/users";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { clientForCreator } from "./client";

const countOf = (lists: { uuid: string; count: number }[], id: string) =>
  lists.find((l) => l.uuid === id)?.count ?? null;

/** Unread chats: live on the creator's own account (/chats/unread); from the
 * chat mirror for agency-managed creators (Fanvue has no agency unread
 * count), with the mirror's age, and "—" until its first sync. */
export async function agencyUnreadChats(access: CreatorAccess) {
  const m = await touchMirror(access.creator.id, access.workspace.connectionId);
  if (!m.syncedAt) return { unreadChats: null, unreadSyncedAt: null };
  const count = (await unreadByCreator([access.creator.id])).get(access.creator.id) ?? 0;
  return { unreadChats: count, unreadSyncedAt: m.syncedAt.toISOString() };
}

/** Audience and inbox at a glance, live from Fanvue (last good answer while it fails). */
export async function getCreatorOverview(access: CreatorAccess): Promise<Snapshot<CreatorOverview>> {
  const client = clientForCreator(access);
  const agency = client.mode === "agency";
  // 30 s: matches the client's staleTime; audience counts move slowly.
  const snap = await withSnapshot(
    `overview:${access.creator.id}`,
    async () => {
      const [lists, unread, me] = await Promise.all([
        listSmartLists(client),
        agency ? Promise.resolve(null) : getUnreadCounts(client),
        // Content counts exist only on the creator's own /users/me.
        agency ? Promise.resolve(null) : getMe(client),
      ]);
      return {
        creator: {
          id: access.creator.id,
          handle: access.creator.handle,
          displayName: access.creator.displayName,
          avatarUrl: access.creator.avatarUrl,
        },
        subscribers: countOf(lists, "subscribers"),
        followers: countOf(lists, "followers"),
        expiredSubscribers: countOf(lists, "expired_subscribers"),
        autoRenewing: countOf(lists, "auto_renewing"),
        unreadChats: unread?.unreadChatsCount ?? null,
        unreadCapped: false,
        unreadSyncedAt: null,
        likes: me?.likesCount ?? null,
        posts: me?.contentCounts?.postCount ?? null,
        mediaItems: me?.contentCounts
          ? me.contentCounts.imageCount + me.contentCounts.videoCount + me.contentCounts.audioCount
          : null,
      };
    },
    { maxAgeMs: 30_000 },
  );
  // The mirror is ours: read at every request, never from the snapshot.
  return agency ? { ...snap, data: { ...snap.data, ...(await agencyUnreadChats(access)) } } : snap;
}
