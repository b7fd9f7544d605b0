import type { Audience } from "./posts";

// What the posts API answers: one post shape for the composer, the queue and
// the history; queue items carry a `kind` so other scheduled things (mass
// messages) can join the same list and calendar.

export type PostView = {
  /** Fanvue's post uuid. */
  uuid: string;
  text: string | null;
  mediaUuids: string[];
  previewUuid: string | null;
  audience: Audience | (string & {});
  /** Cents; null = free. */
  price: number | null;
  publishAt: string | null;
  publishedAt: string | null;
  expiresAt: string | null;
  /** Who made it through Vuedeck (null: made on Fanvue directly). */
  authorName: string | null;
  /** Set when cancelled here; the times are then the ones it had before. */
  cancelledAt?: string | null;
};

export type PublishResult = { post: PostView; replayed: boolean };

export type QueueKind = "post" | "mass_message";

export type QueueItem = {
  kind: QueueKind;
  /** Unique within its kind (a post's Fanvue uuid). */
  id: string;
  /** When it goes out (UTC ISO). */
  at: string;
  title: string;
  /** Present for posts. */
  post?: PostView;
  /** Where its details and edits live in the app. */
  href: string | null;
  canReschedule: boolean;
};

export type QueueResponse = {
  items: QueueItem[];
  /** "fanvue": every scheduled post, read live; "vuedeck": only what was
   * scheduled here (Fanvue refused or lacks the post list: see `limitedBy`). */
  coverage: "fanvue" | "vuedeck";
  /** Why coverage is "vuedeck", in our words (null when "fanvue"). */
  limitedBy: string | null;
  fetchedAt: string;
  stale: boolean;
  /** Posts cancelled here (parked on Fanvue, see the queue page). */
  cancelled: PostView[];
};

export type HistoryItem = PostView & {
  isPinned: boolean;
  /** null: Fanvue gives no figure (agency-managed creators), never a fake 0. */
  likes: number | null;
  comments: number | null;
  tips: { count: number; gross: number } | null;
  /** Gross this post brought in the range (PPV unlocks + tips), from our
   * earnings ledger; null when not visible to the role, not synced, or the
   * ledger names no posts (Fanvue's `postUuid` is optional). */
  earned: number | null;
};

export type HistoryResponse = {
  items: HistoryItem[];
  page: number;
  hasMore: boolean;
  coverage: "fanvue" | "vuedeck";
  /** Why coverage is "vuedeck", in our words (null when "fanvue"). */
  limitedBy: string | null;
  range: { preset: string; from: string; to: string; tz: string };
  /** false when the role may not see earnings (the column is hidden). */
  earningsVisible: boolean;
  /** When the earnings ledger was last synced (null: never). */
  earningsSyncedAt: string | null;
  /** false when the synced ledger has no row naming a post: earnings cannot
   * be attributed to posts, so `earned` is null ("—"), never a false 0. */
  earningsAttributable: boolean;
  fetchedAt: string;
  stale: boolean;
};

export type PricePick = { cents: number; uses: number };

/** The history's ranges (its query's `range`). */
export const HISTORY_RANGES = ["7d", "30d", "90d", "all"] as const;
export type HistoryRange = (typeof HISTORY_RANGES)[number];
