// Builds the deterministic seeded world. Same seed + same anchor day → same
// world, byte for byte. Sizes are knobs so tests and benchmarks can scale it.
import { PPV_PRICES, seedEngagement, seedPosts, seedVault } from "./content";
import { Ledger } from "./ledger";
import { seedTrackingLinks } from "./links";
import { seedChats, seedLists, seedMassMessages, seedTemplates } from "./messaging";
import { lifetimeGross } from "./queries";
import { createRng, stableUuid, type Rng } from "./random";
import type { Account, AccountKind, Agency, CreatorWorld, Fan, Post, Relation, World } from "./types";

export type SeedOptions = {
  seed: string;
  /** Epoch ms the history ends at (default: start of today, UTC). */
  anchor: number;
  /** Audience size of the solo creator (`SANDBOX_FANS`). */
  soloFans: number;
  /** Audience sizes of the agency's creators. */
  agencyFans: number[];
  /** Months of earnings history (at least 13). */
  months: number;
  /** Base URL the sandbox is reachable at, for avatar URLs. */
  publicUrl: string;
  /** Real start time (sandbox clock), for things that change after start. */
  now: number;
};

const DAY = 86_400_000;
const FIRST = [
  "Alex",
  "Sam",
  "Jordan",
  "Taylor",
  "Casey",
  "Riley",
  "Morgan",
  "Jamie",
  "Avery",
  "Quinn",
  "Drew",
  "Charlie",
  "Reese",
  "Rowan",
  "Sky",
  "Emery",
  "Finley",
  "Hayden",
  "Kai",
  "Logan",
  "Max",
  "Noah",
  "Oli",
  "Parker",
  "Remy",
  "Sage",
  "Theo",
  "Wren",
  "Zane",
  "Leo",
];
const LAST = "ABCDEFGHJKLMNPRSTVW";
const WORDS = [
  "blue",
  "night",
  "wolf",
  "sunny",
  "cosmic",
  "lucky",
  "silent",
  "wild",
  "happy",
  "iron",
  "velvet",
  "golden",
  "quiet",
  "rapid",
  "misty",
  "neon",
  "ocean",
  "pixel",
  "river",
  "storm",
];

/** The named accounts tests and the consent page rely on. */
export const NAMED = {
  solo: {
    handle: "luna",
    displayName: "Luna Vale",
    kind: "creator",
    bio: "Photographer and night owl. New sets every Friday.",
  },
  agency: { handle: "atlas", displayName: "Atlas Talent", kind: "agency", bio: "Talent management" },
  creators: [
    { handle: "mia", displayName: "Mia Rose", kind: "creator", bio: "Fitness, travel and a lot of coffee." },
    { handle: "nova", displayName: "Nova Lane", kind: "creator", bio: "Cosplay and behind the scenes." },
    { handle: "ivy", displayName: "Ivy Hart", kind: "creator", bio: "Music, voice notes and late chats." },
  ],
  team: [
    { handle: "sam", displayName: "Sam Ortiz", kind: "team", bio: "", isAdmin: false, access: ["mia"] },
    { handle: "kai", displayName: "Kai Brooks", kind: "team", bio: "", isAdmin: true, access: null },
  ],
  fan: { handle: "felix", displayName: "Felix Moreau", kind: "fan", bio: "" },
} as const;

function makeAccount(
  o: SeedOptions,
  rng: Rng,
  n: { handle: string; displayName: string; kind: AccountKind; bio: string },
): Account {
  return {
    uuid: stableUuid(o.seed, `account:${n.handle}`),
    handle: n.handle,
    displayName: n.displayName,
    email: `${n.handle}@sandbox.vuedeck.test`,
    bio: n.bio,
    kind: n.kind,
    createdAt: o.anchor - rng.int(500, 1400) * DAY,
    avatarUrl: `${o.publicUrl}/__assets/avatar/${n.handle}.svg`,
    bannerUrl: null,
  };
}

/** Spend tiers give a long tail: a few whales, many small spenders, many never pay. */
function tierOf(rng: Rng): { subP: number; tips: number; msgs: number; posts: number; tipMax: number } {
  const r = rng.next();
  if (r < 0.01) return { subP: 0.95, tips: 25, msgs: 40, posts: 10, tipMax: 50000 };
  if (r < 0.06) return { subP: 0.9, tips: 8, msgs: 12, posts: 5, tipMax: 10000 };
  if (r < 0.2) return { subP: 0.8, tips: 2, msgs: 4, posts: 2, tipMax: 3000 };
  if (r < 0.45) return { subP: 0.6, tips: 0.4, msgs: 0.8, posts: 0.3, tipMax: 1500 };
  return { subP: 0, tips: 0, msgs: 0, posts: 0, tipMax: 0 };
}

const poisson = (rng: Rng, mean: number) => {
  // Knuth for small means; normal approximation beyond.
  if (mean <= 0) return 0;
  if (mean > 30)
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rng.next() + rng.next() + rng.next() - 1.5) * 2));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
};

/** Fanvue keeps 20 %: net is 80 % of gross, rounded to the cent. */
const netOf = (gross: number) => Math.round(gross * 0.8);

type Tier = ReturnType<typeof tierOf>;

function seedCreator(o: SeedOptions, account: Account, fanCount: number): CreatorWorld {
  const rng = createRng(`${o.seed}:creator:${account.handle}`);
  const start = o.anchor - o.months * 30 * DAY;
  const subscriptionPrice = rng.pick([799, 999, 1299, 1499]);
  const ledger = new Ledger(Math.max(1024, fanCount * 4), `FV${account.handle.toUpperCase().slice(0, 3)}`);
  const fans: Fan[] = [];
  const relations: Relation[] = [];
  const tiers: Tier[] = [];
  const fanIndex = new Map<string, number>();

  // 1. Audience and subscriptions (subscription and renewal rows).
  for (let i = 0; i < fanCount; i++) {
    const followedAt = start + Math.floor(rng.next() * (o.anchor - start - DAY));
    const hidden = rng.chance(0.1);
    const fan: Fan = {
      uuid: rng.uuid(),
      handle: `${rng.pick(WORDS)}${rng.pick(WORDS)}${i}`,
      displayName: `${FIRST[i % FIRST.length]!} ${LAST[rng.int(0, LAST.length - 1)]}.`,
      registeredAt: followedAt - rng.int(0, 400) * DAY,
      isTopSpender: false,
      avatarUrl: null,
      lastSeenAt: hidden ? null : o.anchor - Math.floor(Math.pow(rng.next(), 3) * 30 * DAY),
      isOnline: !hidden && rng.chance(0.05),
    };
    const tier = tierOf(rng);
    const rel: Relation = {
      status: "follower",
      followedAt,
      subscribedAt: null,
      renewsAt: null,
      expiredAt: null,
      autoRenew: false,
      onFreeTrial: false,
      contactable: !rng.chance(0.02),
      nickname: null,
      trackingLinkUuid: null,
    };
    if (rng.chance(tier.subP)) {
      const subscribedAt = followedAt + rng.int(0, 20) * DAY;
      if (subscribedAt < o.anchor - DAY) {
        rel.subscribedAt = subscribedAt;
        rel.autoRenew = rng.chance(0.7);
        // A recent sub may be on a free trial: no charge until it renews.
        rel.onFreeTrial = o.anchor - subscribedAt < 7 * DAY && rng.chance(0.25);
        if (!rel.onFreeTrial)
          ledger.pushUnsorted(subscribedAt, subscriptionPrice, netOf(subscriptionPrice), "subscription", i, null);
        const churn = rel.autoRenew ? 0.04 : 0.35;
        let periodEnd = subscribedAt + 30 * DAY;
        let active = true;
        while (periodEnd <= o.anchor) {
          if (rng.chance(churn)) {
            active = false;
            break;
          }
          ledger.pushUnsorted(periodEnd, subscriptionPrice, netOf(subscriptionPrice), "renewal", i, null);
          periodEnd += 30 * DAY;
        }
        if (active) {
          rel.status = "subscriber";
          rel.renewsAt = periodEnd;
        } else {
          rel.status = "expired";
          rel.expiredAt = periodEnd;
          rel.autoRenew = false;
        }
      }
    }
    fans.push(fan);
    relations.push(rel);
    tiers.push(tier);
    fanIndex.set(fan.uuid, i);
  }

  // 2. Vault and posts.
  const { media, folders } = seedVault(rng, start, o.anchor, Math.min(600, 60 + Math.floor(fanCount / 20)), o.now);
  const posts = seedPosts(rng, media, start, o.anchor);
  const c: CreatorWorld = {
    account,
    subscriptionPrice,
    fans,
    relations,
    fanIndex,
    ledger,
    spending: [],
    likesCount: 0,
    media,
    mediaIndex: new Map(media.map((m) => [m.uuid, m])),
    folders,
    uploads: new Map(),
    posts,
    postIndex: new Map(posts.map((p) => [p.uuid, p])),
    chats: new Map(),
    messageOwner: new Map(),
    massMessages: [],
    customLists: [],
    templates: [],
    trackingLinks: [],
  };

  // 3. Past broadcasts, addressed to smart lists as they were at send time.
  const readyMedia = media.filter((m) => m.status === "ready" && m.mediaType !== "document").map((m) => m.uuid);
  c.massMessages = seedMassMessages(
    rng,
    start,
    o.anchor,
    (listId, at) => {
      const out: number[] = [];
      for (let i = 0; i < fanCount; i++) {
        const r = relations[i]!;
        if (r.followedAt > at || !r.contactable) continue;
        const subscribed =
          r.subscribedAt !== null && r.subscribedAt <= at && (r.expiredAt === null || r.expiredAt > at);
        const ok =
          listId === "subscribers"
            ? subscribed
            : listId === "auto_renewing"
              ? subscribed && r.autoRenew
              : listId === "expired_subscribers"
                ? r.expiredAt !== null && r.expiredAt <= at
                : !subscribed;
        if (ok) out.push(i);
      }
      return out;
    },
    readyMedia,
  );

  // 4. Purchases: tips (on posts or in chat), PPV messages, PPV posts and
  //    broadcast unlocks, each row referencing what was bought.
  const publishedPosts = posts.filter((p) => p.publishedAt !== null).sort((a, b) => a.publishedAt! - b.publishedAt!);
  const ppvPosts = publishedPosts.filter((p) => p.price !== null);
  /** Posts (sorted by publish time) already published at `at`. */
  const publishedBy = (list: Post[], at: number) => {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.publishedAt! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let i = 0; i < fanCount; i++) {
    const rel = relations[i]!;
    const tier = tiers[i]!;
    const activeFrom = rel.subscribedAt ?? rel.followedAt;
    const span = Math.max(DAY, o.anchor - activeFrom);
    const when = () => activeFrom + Math.floor(rng.next() * span);
    for (let k = poisson(rng, tier.tips); k > 0; k--) {
      const at = when();
      const gross = rng.int(1, Math.max(1, tier.tipMax / 100)) * 100;
      const n = publishedBy(publishedPosts, at);
      const ref = n && rng.chance(0.4) ? publishedPosts[rng.int(0, n - 1)]!.uuid : rng.uuid();
      ledger.pushUnsorted(at, gross, netOf(gross), "tip", i, ref);
    }
    for (let k = poisson(rng, tier.msgs); k > 0; k--) {
      const gross = rng.pick(PPV_PRICES);
      ledger.pushUnsorted(when(), gross, netOf(gross), "message", i, rng.uuid());
    }
    for (let k = poisson(rng, tier.posts); k > 0; k--) {
      const at = when();
      const n = publishedBy(ppvPosts, at);
      if (!n) continue;
      const post = ppvPosts[rng.int(0, n - 1)]!;
      ledger.pushUnsorted(at, post.price!, netOf(post.price!), "post", i, post.uuid);
    }
  }
  for (const mm of c.massMessages) {
    if (mm.price === null || mm.sentAt === null) continue;
    for (const fanIdx of mm.recipients) {
      const t = tiers[fanIdx]!;
      if (t.msgs > 0 && rng.chance(Math.min(0.5, 0.05 * t.msgs))) {
        ledger.pushUnsorted(
          mm.sentAt + rng.int(1, 72) * 3_600_000,
          mm.price,
          netOf(mm.price),
          "message",
          fanIdx,
          mm.uuid,
        );
      }
    }
  }

  // 5. Fan-less income: referrals every few days.
  for (let t = start + rng.int(1, 5) * DAY; t < o.anchor; t += rng.int(3, 9) * DAY) {
    const gross = rng.int(2, 40) * 100;
    ledger.pushUnsorted(Math.min(o.anchor - 1, t + rng.int(0, DAY - 1)), gross, netOf(gross), "referral", -1, null);
  }
  // Broadcast unlocks can land after the anchor; keep history in the past.
  for (let i = 0; i < ledger.length; i++) if (ledger.at[i]! >= o.anchor) ledger.at[i] = o.anchor - 1 - (i % 3_600_000);
  ledger.finalize();

  // 6. A few refunds and chargebacks reverse earlier rows.
  const reversals = Math.max(2, Math.floor(ledger.length / 400));
  for (let k = 0; k < reversals && ledger.length > 0; k++) {
    const row = ledger.row(rng.int(0, ledger.length - 1));
    if (row.fanIdx < 0) continue;
    c.spending.push({
      at: Math.min(o.anchor - 1, row.at + rng.int(1, 10) * DAY),
      gross: row.gross,
      net: row.net,
      source: rng.chance(0.7) ? "refund" : "chargeback",
      fanIdx: row.fanIdx,
      reversedOrderId: row.orderId,
    });
  }
  c.spending.sort((a, b) => a.at - b.at);

  // 7. Top spenders (top 1 % by lifetime gross), lists, templates, links,
  //    engagement and chats.
  const spend = lifetimeGross(c);
  const order = Array.from(spend.keys()).sort((a, b) => spend[b]! - spend[a]!);
  for (const idx of order.slice(0, Math.max(1, Math.ceil(fanCount / 100))))
    if (spend[idx]! > 0) fans[idx]!.isTopSpender = true;
  c.customLists = seedLists(rng, fanCount, spend, start + 30 * DAY);
  c.templates = seedTemplates(rng, readyMedia);
  c.trackingLinks = seedTrackingLinks(rng, relations, start, account.handle);
  seedEngagement(rng, posts, fanCount, (i) => relations[i]!.followedAt);
  c.likesCount = posts.reduce((n, p) => n + p.likes.length, 0);
  c.chats = seedChats(rng, c, o.anchor);
  return c;
}

export function seedWorld(o: SeedOptions): World {
  const rng = createRng(`${o.seed}:accounts`);
  const world: World = {
    seed: o.seed,
    anchor: o.anchor,
    accounts: new Map(),
    byHandle: new Map(),
    creators: new Map(),
    agencies: new Map(),
  };
  const add = (a: Account) => {
    world.accounts.set(a.uuid, a);
    world.byHandle.set(a.handle, a);
    return a;
  };
  const solo = add(makeAccount(o, rng, NAMED.solo));
  world.creators.set(solo.uuid, seedCreator(o, solo, o.soloFans));

  const agencyAccount = add(makeAccount(o, rng, NAMED.agency));
  const agency: Agency = { account: agencyAccount, creatorUuids: [], team: [] };
  NAMED.creators.forEach((c, i) => {
    const acc = add(makeAccount(o, rng, c));
    world.creators.set(acc.uuid, seedCreator(o, acc, o.agencyFans[i] ?? 200));
    agency.creatorUuids.push(acc.uuid);
  });
  agency.team.push({ uuid: agencyAccount.uuid, isAdmin: true, nickname: null, creatorUuids: null });
  for (const t of NAMED.team) {
    const acc = add(makeAccount(o, rng, t));
    agency.team.push({
      uuid: acc.uuid,
      isAdmin: t.isAdmin,
      nickname: null,
      creatorUuids: t.access ? t.access.map((h) => world.byHandle.get(h)!.uuid) : null,
    });
  }
  world.agencies.set(agencyAccount.uuid, agency);
  add(makeAccount(o, rng, NAMED.fan));
  return world;
}
