/** GET /api/creators/:id/overview. Null means Fanvue gives no figure (shown as "—"). */
export type CreatorOverview = {
  creator: { id: string; handle: string; displayName: string; avatarUrl: string | null };
  subscribers: number | null;
  followers: number | null;
  expiredSubscribers: number | null;
  autoRenewing: number | null;
  unreadChats: number;
  unreadCapped: boolean;
  likes: number | null;
  posts: number | null;
  mediaItems: number | null;
};
