// §5.11 Tracking links (cursor style, `limit`), self and creator-scoped (§6).
// Engagement and earnings are derived from the fans each link brought in, so
// they always agree with GET /tracking-links/{uuid}/users and the ledger.
import { jsonBody, notFound, send } from "../http";
import type { Sandbox } from "../state";
import { isSubscriber } from "../world/queries";
import type { CreatorWorld, SocialPlatform, TrackingLink } from "../world/types";
import { cursorParams, cursored, dateParam, fanIdxOr404, fanUserOf, iso, uuidParam } from "./common";
import { newUuid, requiredEnum, requiredString } from "./content-common";
import type { Api, RouteSpec } from "./registry";

const READ: RouteSpec = { subject: "creator" };
const WRITE: RouteSpec = { subject: "creator" };

export const PLATFORMS: readonly SocialPlatform[] = [
  "facebook",
  "instagram",
  "other",
  "reddit",
  "snapchat",
  "tiktok",
  "twitter",
  "youtube",
];
/** Fanvue's form caps link names; 100 matches its other name fields. */
const MAX_NAME = 100;

export function registerTrackingLinks(api: Api, sb: Sandbox) {
  api.route("GET", "/tracking-links", READ, (ctx) => {
    const p = cursorParams(ctx, "limit");
    const after = dateParam(ctx, "createdAfter");
    const before = dateParam(ctx, "createdBefore");
    const c = ctx.creator;
    const links = visible(c)
      .filter((l) => (after === undefined || l.createdAt > after) && (before === undefined || l.createdAt < before))
      .sort((a, b) => b.createdAt - a.createdAt);
    const stats = linkStats(c);
    send(
      ctx,
      200,
      cursored(links, p, (l) => linkShape(l, stats.get(l.uuid))),
    );
  });

  api.route("POST", "/tracking-links", WRITE, (ctx) => {
    const body = jsonBody(ctx);
    const name = requiredString(body.name, "name", MAX_NAME);
    const externalSocialPlatform = requiredEnum(body.externalSocialPlatform, "externalSocialPlatform", PLATFORMS);
    const c = ctx.creator;
    const uuid = newUuid(sb, "tracking-link");
    const link: TrackingLink = {
      uuid,
      name,
      linkUrl: `${c.account.handle}-${parseInt(uuid.slice(0, 8), 16).toString(36)}`,
      externalSocialPlatform,
      createdAt: sb.clock.now(),
      clicks: 0,
      deletedAt: null,
      metadata: new Map(),
    };
    c.trackingLinks.push(link);
    send(ctx, 201, linkShape(link, undefined));
  });

  api.route("DELETE", "/tracking-links/:uuid", WRITE, (ctx) => {
    const link = linkOr404(ctx.creator, uuidParam(ctx, "uuid"));
    // Soft delete: the attribution of fans it brought in stays.
    link.deletedAt = sb.clock.now();
    send(ctx, 204);
  });

  api.route("GET", "/tracking-links/:uuid/users", READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const p = cursorParams(ctx, "limit");
    const c = ctx.creator;
    linkOr404(c, uuid);
    const fans = attributed(c, uuid).sort((a, b) => c.relations[b]!.followedAt - c.relations[a]!.followedAt || a - b);
    send(
      ctx,
      200,
      cursored(fans, p, (i) => ({ ...fanUserOf(c, i), status: c.relations[i]!.status })),
    );
  });

  api.route("GET", "/tracking-links/:uuid/users/:userUuid/metadata", READ, (ctx) => {
    const uuid = uuidParam(ctx, "uuid");
    const userUuid = uuidParam(ctx, "userUuid");
    const c = ctx.creator;
    const link = linkOr404(c, uuid);
    const fanIdx = fanIdxOr404(c, userUuid);
    if (c.relations[fanIdx]!.trackingLinkUuid !== uuid) throw notFound("User did not join through this tracking link");
    const metadata = link.metadata.get(fanIdx);
    send(ctx, 200, { metadata: metadata ? { ...metadata } : null });
  });
}

const visible = (c: CreatorWorld) => c.trackingLinks.filter((l) => l.deletedAt === null);

function linkOr404(c: CreatorWorld, uuid: string): TrackingLink {
  const link = c.trackingLinks.find((l) => l.uuid === uuid && l.deletedAt === null);
  if (!link) throw notFound("Tracking link not found");
  return link;
}

function attributed(c: CreatorWorld, linkUuid: string): number[] {
  const out: number[] = [];
  c.relations.forEach((r, i) => {
    if (r.trackingLinkUuid === linkUuid) out.push(i);
  });
  return out;
}

type LinkStats = { acquired: number; everSubscribed: number; subscribers: number; gross: number; net: number };

/** One pass over the audience for all links. "Acquired" counts every fan the
 * link brought in (followers) and those of them who ever subscribed; the
 * totals are their state now, split like /followers and /subscribers. */
function linkStats(c: CreatorWorld): Map<string, LinkStats> {
  const stats = new Map<string, LinkStats>();
  c.relations.forEach((r, i) => {
    if (!r.trackingLinkUuid) return;
    let s = stats.get(r.trackingLinkUuid);
    if (!s) stats.set(r.trackingLinkUuid, (s = { acquired: 0, everSubscribed: 0, subscribers: 0, gross: 0, net: 0 }));
    s.acquired++;
    if (r.subscribedAt !== null) s.everSubscribed++;
    if (isSubscriber(r)) s.subscribers++;
    for (const row of c.ledger.rowsOfFan(i)) {
      s.gross += c.ledger.gross[row]!;
      s.net += c.ledger.net[row]!;
    }
  });
  return stats;
}

function linkShape(l: TrackingLink, s: LinkStats | undefined) {
  const st = s ?? { acquired: 0, everSubscribed: 0, subscribers: 0, gross: 0, net: 0 };
  return {
    uuid: l.uuid,
    name: l.name,
    linkUrl: l.linkUrl,
    externalSocialPlatform: l.externalSocialPlatform,
    createdAt: iso(l.createdAt),
    clicks: l.clicks,
    engagement: {
      acquiredFollowers: st.acquired,
      acquiredSubscribers: st.everSubscribed,
      totalFollowers: st.acquired - st.subscribers,
      totalSubscribers: st.subscribers,
    },
    earnings: { totalGross: st.gross, totalNet: st.net },
  };
}
