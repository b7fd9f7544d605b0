// The sandbox's in-memory world: Fanvue accounts, creators' audiences and
// ledgers, agencies. Everything is derived from one seed, then mutated by writes.
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
};

export type FanStatus = "subscriber" | "expired" | "follower";

/** One fan's relationship with one creator. */
export type Relation = {
  status: FanStatus;
  followedAt: number;
  subscribedAt: number | null;
  /** Next renewal for active subs; end of access for expired ones. */
  renewsAt: number | null;
  expiredAt: number | null;
  autoRenew: boolean;
  contactable: boolean;
  nickname: string | null;
};

export type SpendingRow = {
  at: number;
  gross: number;
  net: number;
  source: "refund" | "chargeback";
  fanIdx: number;
  reversedOrderId: string;
};

export type CreatorWorld = {
  account: Account;
  subscriptionPrice: number;
  fans: Fan[];
  relations: Relation[];
  fanIndex: Map<string, number>;
  ledger: Ledger;
  spending: SpendingRow[];
  likesCount: number;
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
