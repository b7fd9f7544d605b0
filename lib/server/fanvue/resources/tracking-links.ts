import "server-only";
import { z } from "zod";
import { TRACKING_PLATFORMS, type TrackingPlatform } from "@/lib/schemas/tracking-links";
import type { FanvueClient } from "../client";
import type { Priority } from "../limiter";
import { collect, cursorPages } from "../paginate";
import { parseResponse } from "../parse";
import { cents, cursorOf, fanUserSchema, isoDate, nullable, openEnum } from "../schemas/common";

// Tracking links (contract: contract/fanvue/routes/tracking-links.ts): list,
// create, delete, and the fans a link brought in. Every call goes through
// `client.creator`, so a creator's own connection uses /tracking-links and an
// agency's uses /creators/{creatorUserUuid}/tracking-links (a client built by
// clientForCreator(ref) from a CreatorRef). Only the parameters and fields the
// reference lists are sent; answers are read tolerantly (loose objects, open
// enums, earnings that may be null: "not reported", never a zero).

/** Fanvue's largest page (§2.2): fewest calls for a full listing. */
export const TRACKING_PAGE = 50;
/** A creator has a handful of links; a runaway cursor stops here. */
const MAX_LINKS = 5_000;
/** A link's fans are listed whole each sync; the biggest audiences we mirror are in the tens of thousands. */
const MAX_LINK_USERS = 200_000;

/** Counts are typed `number` by the reference; a fraction would be Fanvue's bug, rounded rather than failing the page. */
const count = z
  .number()
  .refine(Number.isFinite)
  .transform((v) => Math.max(0, Math.round(v)));

// Clicks and engagement are required by both readings of the reference: a
// link without them fails at the edge, never shows as a wrong zero.
const engagementSchema = z.looseObject({
  acquiredFollowers: count,
  acquiredSubscribers: count,
  totalFollowers: count,
  totalSubscribers: count,
});

export const trackingLinkSchema = z.looseObject({
  uuid: z.string(),
  name: z.string(),
  linkUrl: z.string(),
  externalSocialPlatform: openEnum(TRACKING_PLATFORMS),
  createdAt: isoDate,
  clicks: count,
  engagement: engagementSchema,
  // Fanvue totals these itself: rounded once here. null = not reported, never 0.
  earnings: nullable(z.looseObject({ totalGross: nullable(cents), totalNet: nullable(cents) })),
});
export type FanvueTrackingLink = z.infer<typeof trackingLinkSchema>;

export const trackingLinkUserSchema = fanUserSchema.extend({
  status: nullable(openEnum(["subscriber", "follower", "expired", "deleted"])),
});
export type FanvueTrackingLinkUser = z.infer<typeof trackingLinkUserSchema>;

type ReadOptions = { priority?: Priority; signal?: AbortSignal };

const linkPath = (uuid: string) => `/tracking-links/${encodeURIComponent(uuid)}`;

export async function listTrackingLinksPage(client: FanvueClient, cursor: string | undefined, o: ReadOptions = {}) {
  const res = await client.creator("GET", "/tracking-links", {
    query: { limit: TRACKING_PAGE, cursor },
    priority: o.priority,
    signal: o.signal,
  });
  return parseResponse(cursorOf(trackingLinkSchema), res.body, "/tracking-links");
}

/** Every link of the creator (Fanvue lists the newest first). */
export function listAllTrackingLinks(client: FanvueClient, o: ReadOptions = {}) {
  return collect(
    cursorPages((cursor) => listTrackingLinksPage(client, cursor, o)),
    MAX_LINKS,
  );
}

export async function listTrackingLinkUsersPage(
  client: FanvueClient,
  uuid: string,
  cursor: string | undefined,
  o: ReadOptions = {},
) {
  const res = await client.creator("GET", `${linkPath(uuid)}/users`, {
    query: { limit: TRACKING_PAGE, cursor },
    priority: o.priority,
    signal: o.signal,
  });
  return parseResponse(cursorOf(trackingLinkUserSchema), res.body, "/tracking-links/{uuid}/users");
}

/** Every fan the link brought in, with their status now. */
export function listAllTrackingLinkUsers(client: FanvueClient, uuid: string, o: ReadOptions = {}) {
  return collect(
    cursorPages((cursor) => listTrackingLinkUsersPage(client, uuid, cursor, o)),
    MAX_LINK_USERS,
  );
}

/** Not retried: a second POST would make a second link (the caller shows the outcome). */
export async function createTrackingLink(
  client: FanvueClient,
  body: { name: string; externalSocialPlatform: TrackingPlatform },
) {
  const res = await client.creator("POST", "/tracking-links", { body, idempotent: false });
  return parseResponse(trackingLinkSchema, res.body, "/tracking-links");
}

/** Deleting twice deletes once: safe to retry. */
export async function deleteTrackingLink(client: FanvueClient, uuid: string) {
  await client.creator("DELETE", linkPath(uuid), { idempotent: true });
}
