import "server-only";
import type { CreatorOverview } from "@/lib/schemas/overview";
import type { Snapshot } from "@/lib/schemas/snapshot";
import { countUnreadChats, listSmartLists } from "@/lib/server/fanvue/resources/chats";
import { getMe } from "@/lib/server/fanvue/users";
import { withSnapshot } from "@/lib/server/snapshots";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { clientForCreator } from "./client";

const countOf = (lists: { uuid: string; count: number }[], id: string) => lists.find((l) => l.uuid === id)?.count ?? null;

/** Audience and inbox at a glance, live from Fanvue (last good answer while it fails). */
export function getCreatorOverview(access: CreatorAccess): Promise<Snapshot<CreatorOverview>> {
  const client = clientForCreator(access);
  // 30 s: matches the client's staleTime; audience counts move slowly.
  return withSnapshot(`overview:${access.creator.id}`, async () => {
    const [lists, unread, me] = await Promise.all([
      listSmartLists(client),
      countUnreadChats(client),
      // Content counts exist only on the creator's own /users/me.
      client.mode === "self" ? getMe(client) : Promise.resolve(null),
    ]);
    return {
      creator: { id: access.creator.id, handle: access.creator.handle, displayName: access.creator.displayName, avatarUrl: access.creator.avatarUrl },
      subscribers: countOf(lists, "subscribers"),
      followers: countOf(lists, "followers"),
      expiredSubscribers: countOf(lists, "expired_subscribers"),
      autoRenewing: countOf(lists, "auto_renewing"),
      unreadChats: unread.count,
      unreadCapped: unread.capped,
      likes: me?.likesCount ?? null,
      posts: me?.contentCounts?.postCount ?? null,
      mediaItems: me?.contentCounts ? me.contentCounts.imageCount + me.contentCounts.videoCount + me.contentCounts.audioCount : null,
    };
  }, { maxAgeMs: 30_000 });
}
