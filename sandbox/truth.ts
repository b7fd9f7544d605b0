// /__sandbox/truth/* — ground truth for tests, summed straight from the ledger
// with plain loops (deliberately not sharing code with the API modules, so a
// bug there cannot agree with itself here).
import { badRequest, notFound, send, type Router } from "./http";
import { creatorByHandle } from "./simulate-lookup";
import type { Sandbox } from "./state";
import { EARNING_SOURCES } from "./world/ledger";

type Sum = { gross: number; net: number; count: number };
const zero = (): Sum => ({ gross: 0, net: 0, count: 0 });
const add = (s: Sum, gross: number, net: number) => {
  s.gross += gross;
  s.net += net;
  s.count++;
};

function instant(value: string | null, name: string): number | undefined {
  if (value === null || value === "") return undefined;
  const t = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(value) || !value.includes("T") ? value : `${value}Z`);
  if (Number.isNaN(t)) throw badRequest(`${name} must be an ISO 8601 date-time`);
  return t;
}

export function registerTruth(open: Router, sb: Sandbox) {
  open.get("/__sandbox/truth/earnings", (ctx) => {
    const c = creatorByHandle(sb, ctx.query.get("creator"));
    const start = instant(ctx.query.get("start"), "start") ?? -Infinity;
    const end = instant(ctx.query.get("end"), "end") ?? Infinity;
    const total = zero();
    const bySource: Record<string, Sum> = Object.fromEntries(EARNING_SOURCES.map((s) => [s, zero()]));
    // Payments younger than a week are still pending payout (the API's rule, restated here).
    const pending = zero();
    const now = sb.clock.now();
    const l = c.ledger;
    for (let i = 0; i < l.length; i++) {
      const r = l.row(i);
      if (r.at < start || r.at >= end) continue;
      add(total, r.gross, r.net);
      add(bySource[r.source]!, r.gross, r.net);
      if (now - r.at < 7 * 24 * 3_600_000) add(pending, r.gross, r.net);
    }
    const refunds = zero();
    const reversals = { refund: zero(), chargeback: zero() };
    for (const s of c.spending) {
      if (s.at < start || s.at >= end) continue;
      add(refunds, s.gross, s.net);
      add(reversals[s.source], s.gross, s.net);
    }
    send(ctx, 200, {
      creator: c.account.handle,
      creatorUuid: c.account.uuid,
      ...total,
      bySource,
      refunds,
      reversalsBySource: reversals,
      pendingBalance: pending,
    });
  });

  // Posts published in [start, end) (scheduled ones count once their time has
  // come); `all=1`: every post, scheduled ones too. Outside the rate limits, so
  // tests can check what Fanvue holds without spending the app's budget.
  open.get("/__sandbox/truth/posts", (ctx) => {
    const c = creatorByHandle(sb, ctx.query.get("creator"));
    const all = ctx.query.get("all") === "1";
    const start = instant(ctx.query.get("start"), "start") ?? -Infinity;
    const end = instant(ctx.query.get("end"), "end") ?? Infinity;
    const now = sb.clock.now();
    const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());
    const posts = [];
    for (const p of c.posts) {
      const at = p.publishedAt ?? (p.publishAt !== null && p.publishAt <= now ? p.publishAt : null);
      if (!all && (at === null || at < start || at >= end)) continue;
      posts.push({
        uuid: p.uuid,
        text: p.text,
        price: p.price,
        publishAt: iso(p.publishAt),
        publishedAt: iso(at),
        mediaUuids: [...p.mediaUuids],
        mediaPreviewUuid: p.mediaPreviewUuid,
      });
    }
    send(ctx, 200, { creator: c.account.handle, posts });
  });

  open.get("/__sandbox/truth/fans/:uuid", (ctx) => {
    const c = creatorByHandle(sb, ctx.query.get("creator"));
    const idx = c.fanIndex.get((ctx.params.uuid ?? "").toLowerCase());
    if (idx === undefined) throw notFound(`@${c.account.handle} has no fan ${ctx.params.uuid}`);
    const total = zero();
    const bySource: Record<string, Sum> = Object.fromEntries(EARNING_SOURCES.map((s) => [s, zero()]));
    let lastPurchaseAt: number | null = null;
    let maxSinglePayment = 0;
    const l = c.ledger;
    for (let i = 0; i < l.length; i++) {
      const r = l.row(i);
      if (r.fanIdx !== idx) continue;
      add(total, r.gross, r.net);
      add(bySource[r.source]!, r.gross, r.net);
      lastPurchaseAt = Math.max(lastPurchaseAt ?? 0, r.at);
      maxSinglePayment = Math.max(maxSinglePayment, r.gross);
    }
    const refunds = zero();
    for (const s of c.spending) if (s.fanIdx === idx) add(refunds, s.gross, s.net);
    const rel = c.relations[idx]!;
    send(ctx, 200, {
      fanUuid: c.fans[idx]!.uuid,
      creator: c.account.handle,
      status: rel.status,
      ...total,
      bySource,
      lastPurchaseAt: lastPurchaseAt === null ? null : new Date(lastPurchaseAt).toISOString(),
      maxSinglePayment,
      refunds,
    });
  });

  open.get("/__sandbox/truth/audience", (ctx) => {
    const c = creatorByHandle(sb, ctx.query.get("creator"));
    const count = (s: string) => c.relations.filter((r) => r.status === s).length;
    const subscribers = count("subscriber");
    send(ctx, 200, {
      fans: c.fans.length,
      subscribersCount: subscribers,
      followersCount: c.fans.length - subscribers,
      expiredCount: count("expired"),
      chats: c.chats.size,
    });
  });
}
