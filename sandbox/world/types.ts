// The sandbox's in-memory world: Fanvue accounts, creators' audiences, ledgers,
// vaults, posts, chats, lists and agencies. Everything is derived from one seed,
// then mutated by writes. Times are epoch ms; money is integer cents.
import type { Ledger } from "./ledger";

export type AccountKind = "creator" | "agency" | "team" | "fan";

export type Account = {
  uuid: string;
  handle: string;
  displayName: string;
  email: string;
  bio: string;
  kind: AccountKind;
  createdAt: number;
  avatarUrl: string | null;
  bannerUrl: string | null;
};

/** A fan's public profile (Fanvue's FanUser). */
export type Fan = {
  uuid: string;
  handle: string;
  displayName: string;
  registeredAt: number;
  isTopSpender: boolean;
  avatarUrl: string | null;
  /** Presence: last time seen; hidden-presence fans report null. */
  lastSeenAt: number | null;
  isOnline: boolean;
};

export type FanStatus = "subscriber" | "expired" | "follower";

/** One fan's relationship with one creator. */
export type Relation = {
  status: FanStatus;
  followedAt: number;
  subscribedAt: number | null;
  /** Next renewal for active subs. */
  renewsAt: number | null;
  expiredAt: number | null;
  autoRenew: boolean;
  onFreeTrial: boolean;
  contactable: boolean;
  nickname: string | null;
  trackingLinkUuid: string | null;
};

export type SpendingRow = {
  at: number;
  gross: number;
  net: number;
  source: "refund" | "chargeback";
  fanIdx: number;
  reversedOrderId: string;
};

// ─── Vault ───────────────────────────────────────────────────────────────────

export type MediaType = "image" | "video" | "audio" | "document";
export type MediaStatus = "created" | "processing" | "ready" | "error";
export type MediaUsage = "subscribers" | "followers" | "ppv" | "mass_messages";

export type Media = {
  uuid: string;
  name: string | null;
  caption: string | null;
  description: string | null;
  mediaType: MediaType;
  status: MediaStatus;
  createdAt: number;
  /** Processing media turns ready at this time (sandbox clock). */
  readyAt: number | null;
  width: number | null;
  height: number | null;
  lengthMs: number | null;
  sizeBytes: number;
  recommendedPrice: number | null;
  usage: Set<MediaUsage>;
  /** Colour seed for the generated image. */
  hue: number;
};

export type Folder = { name: string; createdAt: number; mediaUuids: string[] };

export type Upload = {
  uploadId: string;
  mediaUuid: string;
  name: string;
  filename: string;
  mediaType: MediaType;
  parts: Map<number, { etag: string; size: number }>;
  status: "open" | "completed" | "aborted";
  createdAt: number;
};

// ─── Posts ───────────────────────────────────────────────────────────────────

export type PostAudience = "subscribers" | "followers-and-subscribers";

export type Post = {
  uuid: string;
  createdAt: number;
  text: string | null;
  price: number | null;
  audience: PostAudience;
  publishAt: number | null;
  publishedAt: number | null;
  expiresAt: number | null;
  mediaUuids: string[];
  mediaPreviewUuid: string | null;
  isPinned: boolean;
  likes: { fanIdx: number; at: number }[];
  comments: { uuid: string; fanIdx: number; text: string; at: number }[];
  collections: { uuid: string; label: string }[];
};

// ─── Chats ───────────────────────────────────────────────────────────────────

export type MessageType =
  | "SINGLE_RECIPIENT"
  | "BROADCAST"
  | "TIP"
  | "AUTOMATED_NEW_SUBSCRIBER"
  | "AUTOMATED_RENEWED"
  | "LOCKED_MESSAGE_UNLOCKED";

export type Message = {
  uuid: string;
  text: string | null;
  sentAt: number;
  fromFan: boolean;
  mediaUuids: string[];
  type: MessageType;
  /** PPV price in cents, null when free. */
  price: number | null;
  purchasedAt: number | null;
  isRead: boolean;
  /** Team member who sent it on the creator's behalf. */
  sentByUserId: string | null;
  massMessageUuid: string | null;
};

export type Chat = {
  fanIdx: number;
  createdAt: number;
  lastMessageAt: number;
  isMuted: boolean;
  /** Unread fan messages (from the creator's side). */
  unreadCount: number;
  /** Null until first read: generated deterministically from the seed
   * (world/messaging.ts materialize). Writes materialise first. */
  messages: Message[] | null;
};

export type ListRef = { smartListUuids: string[]; customListUuids: string[] };

export type MassMessage = {
  uuid: string;
  text: string | null;
  mediaUuids: string[];
  price: number | null;
  includedLists: ListRef;
  excludedLists: ListRef;
  createdAt: number;
  scheduledAt: number | null;
  sentAt: number | null;
  deletedAt: number | null;
  recipients: number[];
  sentByUserId: string | null;
  /** A state Fanvue reports that the sandbox does not reach by itself
   * (set through /__sandbox/mass-messages/{uuid}/status). */
  forcedStatus?: "SENDING" | "FAILED" | "MODERATED";
};

export type CustomList = { uuid: string; name: string; createdAt: number; members: Set<number> };

export type Template = {
  uuid: string;
  text: string | null;
  price: number | null;
  mediaUuids: string[];
  folderName: string | null;
};

// ─── Tracking links ──────────────────────────────────────────────────────────

export type SocialPlatform =
  "facebook" | "instagram" | "other" | "reddit" | "snapchat" | "tiktok" | "twitter" | "youtube";

export type TrackingLink = {
  uuid: string;
  name: string;
  linkUrl: string;
  externalSocialPlatform: SocialPlatform;
  createdAt: number;
  clicks: number;
  deletedAt: number | null;
  metadata: Map<number, Record<string, string>>;
};

// ─── Creator and agency ──────────────────────────────────────────────────────

export type CreatorWorld = {
  account: Account;
  subscriptionPrice: number;
  fans: Fan[];
  relations: Relation[];
  fanIndex: Map<string, number>;
  ledger: Ledger;
  spending: SpendingRow[];
  likesCount: number;
  media: Media[];
  mediaIndex: Map<string, Media>;
  folders: Folder[];
  uploads: Map<string, Upload>;
  posts: Post[];
  postIndex: Map<string, Post>;
  chats: Map<number, Chat>;
  /** Message uuid → fan index, for purchases and deletes. */
  messageOwner: Map<string, number>;
  massMessages: MassMessage[];
  customLists: CustomList[];
  templates: Template[];
  trackingLinks: TrackingLink[];
};

export type TeamMember = {
  uuid: string;
  isAdmin: boolean;
  nickname: string | null;
  /** null = all creators */
  creatorUuids: string[] | null;
};

export type Agency = {
  account: Account;
  creatorUuids: string[];
  team: TeamMember[];
};

export type World = {
  seed: string;
  /** Anchor of the seeded history (epoch ms); the clock moves on from here. */
  anchor: number;
  accounts: Map<string, Account>;
  byHandle: Map<string, Account>;
  creators: Map<string, CreatorWorld>;
  agencies: Map<string, Agency>;
};
