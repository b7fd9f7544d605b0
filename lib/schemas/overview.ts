/** GET /api/creators/:id/overview. Null means Fanvue gives no figure (shown as "—"). */
export type CreatorOverview = {
  creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
  subscribers: number | null;
  followers: number | null;
  expiredSubscribers: number | null;
  autoRenewing: number | null;
  /** Null until an agency creator's chats are first synced. */
  unreadChats: number | null;
  unreadCapped: boolean;
  /** Agency creators: counted in Vuedeck's copy of the chat list, synced then (null: live from Fanvue). */
  unreadSyncedAt: string | null;
  likes: number | null;
  posts: number | null;
  mediaItems: number | null;
};
