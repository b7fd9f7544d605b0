/** GET /api/me – the signed-in account as shown on the overview. */
export type AccountSummary = {
  uuid: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  isCreator: boolean;
  likesCount: number | null;
  fanCounts: { followersCount: number; subscribersCount: number } | null;
  contentCounts: { imageCount: number; videoCount: number; audioCount: number; postCount: number; payToViewPostCount: number } | null;
};
