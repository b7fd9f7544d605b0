// Builds the deterministic seeded world. Same seed + same anchor day → same
// world, byte for byte. Sizes are knobs so tests and benchmarks can scale it.
import { Ledger } from "./ledger";
import { createRng, stableUuid, type Rng } from "./random";
import type { Account, AccountKind, Agency, CreatorWorld, Fan, Relation, SpendingRow, World } from "./types";

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
};

const DAY = 86_400_000;
const FIRST = ["Alex", "Sam", "Jordan", "Taylor", "Casey", "Riley", "Morgan", "Jamie", "Avery", "Quinn", "Drew", "Charlie", "Reese", "Rowan", "Sky", "Emery", "Finley", "Hayden", "Kai", "Logan", "Max", "Noah", "Oli", "Parker", "Remy", "Sage", "Theo", "Wren", "Zane", "Leo"];
const LAST = "ABCDEFGHJKLMNPRSTVW";
const WORDS = ["blue", "night", "wolf", "sunny", "cosmic", "lucky", "silent", "wild", "happy", "iron", "velvet", "golden", "quiet", "rapid", "misty", "neon", "ocean", "pixel", "river", "storm"];

/** The named accounts tests and the consent page rely on. */
export const NAMED = {
  solo: { handle: "luna", displayName: "Luna Vale", kind: "creator", bio: "Photographer and night owl. New sets every Friday." },
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

function makeAccount(o: SeedOptions, rng: Rng, n: { handle: string; displayName: string; kind: AccountKind; bio: string }): Account {
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
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * (rng.next() + rng.next() + rng.next() - 1.5) * 2));
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
};

const netOf = (gross: number) => Math.round(gross * 0.8);
const PRICES = [300, 500, 800, 1000, 1200, 1500, 2000, 2500];

function seedCreator(o: SeedOptions, account: Account, fanCount: number): CreatorWorld {
  const rng = createRng(`${o.seed}:creator:${account.handle}`);
  const start = o.anchor - o.months * 30 * DAY;
  const subscriptionPrice = rng.pick([799, 999, 1299, 1499]);
  const fans: Fan[] = [];
  const relations: Relation[] = [];
  const fanIndex = new Map<string, number>();
  const ledger = new Ledger(Math.max(1024, fanCount * 4), `FV${account.handle.toUpperCase().slice(0, 3)}`);
  const spending: SpendingRow[] = [];
  const spendByFan = new Float64Array(fanCount);

  for (let i = 0; i < fanCount; i++) {
    const first = FIRST[i % FIRST.length]!;
    const handle = `${rng.pick(WORDS)}${rng.pick(WORDS)}${i}`;
    const followedAt = start + Math.floor(rng.next() * (o.anchor - start - DAY));
    const fan: Fan = {
      uuid: rng.uuid(),
      handle,
      displayName: `${first} ${LAST[rng.int(0, LAST.length - 1)]}.`,
      registeredAt: followedAt - rng.int(0, 400) * DAY,
      isTopSpender: false,
      avatarUrl: null,
    };
    const tier = tierOf(rng);
    const rel: Relation = {
      status: "follower",
      followedAt,
      subscribedAt: null,
      renewsAt: null,
      expiredAt: null,
      autoRenew: false,
      contactable: !rng.chance(0.02),
      nickname: null,
    };
    if (rng.chance(tier.subP)) {
      const subscribedAt = followedAt + rng.int(0, 20) * DAY;
      if (subscribedAt < o.anchor - DAY) {
        rel.subscribedAt = subscribedAt;
        rel.autoRenew = rng.chance(0.7);
        // Each month: renew or lapse. Lapsed subs become expired.
        const churn = rel.autoRenew ? 0.04 : 0.35;
        ledger.pushUnsorted(subscribedAt, subscriptionPrice, netOf(subscriptionPrice), "subscription", i, null);
        spendByFan[i]! += subscriptionPrice;
        let periodEnd = subscribedAt + 30 * DAY;
        let active = true;
        while (periodEnd <= o.anchor) {
          if (rng.chance(churn)) {
            active = false;
            break;
          }
          ledger.pushUnsorted(periodEnd, subscriptionPrice, netOf(subscriptionPrice), "renewal", i, null);
          spendByFan[i]! += subscriptionPrice;
          periodEnd += 30 * DAY;
        }
        if (active) {
          rel.status = "subscriber";
          rel.renewsAt = periodEnd;
        } else {
          rel.status = "expired";
          rel.expiredAt = periodEnd;
          rel.renewsAt = null;
          rel.autoRenew = false;
        }
      }
    }
    const activeFrom = rel.subscribedAt ?? followedAt;
    const span = Math.max(DAY, o.anchor - activeFrom);
    const emit = (count: number, source: "tip" | "message" | "post", price: () => number) => {
      for (let k = 0; k < count; k++) {
        const at = activeFrom + Math.floor(rng.next() * span);
        const gross = price();
        const ref = source === "tip" ? null : rng.uuid();
        ledger.pushUnsorted(at, gross, netOf(gross), source, i, ref);
        spendByFan[i]! += gross;
      }
    };
    emit(poisson(rng, tier.tips), "tip", () => rng.int(1, Math.max(1, tier.tipMax / 100)) * 100);
    emit(poisson(rng, tier.msgs), "message", () => rng.pick(PRICES));
    emit(poisson(rng, tier.posts), "post", () => rng.pick(PRICES));
    fans.push(fan);
    relations.push(rel);
    fanIndex.set(fan.uuid, i);
  }

  // Fan-less income: referrals every few days.
  for (let t = start + rng.int(1, 5) * DAY; t < o.anchor; t += rng.int(3, 9) * DAY) {
    const gross = rng.int(2, 40) * 100;
    ledger.pushUnsorted(t + rng.int(0, DAY - 1), gross, netOf(gross), "referral", -1, null);
  }
  ledger.finalize();

  // A few refunds and chargebacks reverse earlier rows.
  const reversals = Math.max(2, Math.floor(ledger.length / 400));
  for (let k = 0; k < reversals && ledger.length > 0; k++) {
    const idx = rng.int(0, ledger.length - 1);
    const row = ledger.row(idx);
    if (row.fanIdx < 0) continue;
    spending.push({
      at: Math.min(o.anchor - 1, row.at + rng.int(1, 10) * DAY),
      gross: row.gross,
      net: row.net,
      source: rng.chance(0.7) ? "refund" : "chargeback",
      fanIdx: row.fanIdx,
      reversedOrderId: row.orderId,
    });
  }
  spending.sort((a, b) => a.at - b.at);

  // Top spenders: the top 1 % by lifetime gross.
  const order = Array.from(spendByFan.keys()).sort((a, b) => spendByFan[b]! - spendByFan[a]!);
  for (const idx of order.slice(0, Math.max(1, Math.ceil(fanCount / 100)))) {
    if (spendByFan[idx]! > 0) fans[idx]!.isTopSpender = true;
  }

  return {
    account,
    subscriptionPrice,
    fans,
    relations,
    fanIndex,
    ledger,
    spending,
    likesCount: Math.floor(fanCount * (2 + rng.next() * 3)),
  };
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
