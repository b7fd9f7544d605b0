// §5.4 Mass messages: send (now or scheduled), list, unsend; self routes and
// the `/creators/{c}/chats/mass-messages` agency mirror (§6).
//
// Choices where the reference is silent:
// - Unknown smart-list ids cannot be sent (the reference enumerates them); an
//   unknown custom list uuid is a 400 validation error (it is a reference in
//   the body, like an unknown media uuid).
// - A scheduled message reports the audience it would reach now as
//   `recipientCount`; recipients are fixed when it is actually sent.
// - List item (reference): {uuid, text, status, price, createdAt, publishedAt,
//   scheduledAt, recipientCount, viewCount, purchaseCount, totalRevenue,
//   mediaUuids}. No audience lists, no sender. Purchases and revenue (gross,
//   cents) come from ledger rows referencing the mass message. The sandbox
//   does not track views: `viewCount` is a stable share (40–80 %, from the
//   uuid) of recipients, never below the purchases. SENDING, FAILED and
//   MODERATED happen only through the admin lever (tests of their labels).
// - Newest first by `createdAt`. DELETE of an already unsent message is a
//   no-op 204, so a retried delete is safe.
import { HttpError, jsonBody, send, validation } from "../http";
import type { Sandbox } from "../state";
import { hashToInt } from "../world/random";
import { resolveAudience } from "../world/queries";
import type { CreatorWorld, ListRef, MassMessage } from "../world/types";
import { iso, optionalText, pageParams, paged, priceRule, uuidList, uuidParam } from "./common";
import { assertOwnReadyMedia, boolQuery, nextUuid } from "./chats-shared";
import { withDue } from "./chats-spec";
import { deliverMassMessage, unsendMassMessage } from "./mass-messages-delivery";
import type { Api, ApiCtx } from "./registry";

const MAX_LISTS = 50;
const MAX_MEDIA = 50;

function listRef(c: CreatorWorld, value: unknown, name: string, errors: string[]): ListRef {
  const empty = { smartListUuids: [], customListUuids: [] };
  if (value === undefined || value === null) return empty;
  if (typeof value !== "object" || Array.isArray(value)) {
    errors.push(`${name} must be an object with smartListUuids and/or customListUuids`);
    return empty;
  }
  const v = value as Record<string, unknown>;
  let smart: string[] = [];
  if (v.smartListUuids !== undefined && v.smartListUuids !== null) {
    const s = v.smartListUuids;
    if (!Array.isArray(s) || s.some((x) => typeof x !== "string" || x.length === 0 || x.length > 100))
      errors.push(`${name}.smartListUuids must be an array of list ids`);
    else if (s.length > MAX_LISTS) errors.push(`${name}.smartListUuids must contain at most ${MAX_LISTS} items`);
    else smart = s as string[];
  }
  let custom: string[] = [];
  try {
    custom = uuidList(v.customListUuids, `${name}.customListUuids`, MAX_LISTS);
  } catch (e) {
    if (!(e instanceof HttpError)) throw e;
    errors.push(...(e.body as { errors: string[] }).errors);
  }
  const unknown = custom.filter((u) => !c.customLists.some((l) => l.uuid === u));
  if (unknown.length) errors.push(`${name}.customListUuids contains unknown lists: ${unknown.join(", ")}`);
  return { smartListUuids: [...new Set(smart)], customListUuids: [...new Set(custom)] };
}

function parseSchedule(sb: Sandbox, body: Record<string, unknown>, errors: string[]): number | null {
  const raw = body.scheduledAt;
  if (raw === undefined || raw === null) return null;
  const t = typeof raw === "string" ? Date.parse(raw) : NaN;
  if (Number.isNaN(t)) {
    errors.push("scheduledAt must be an ISO 8601 date-time");
    return null;
  }
  if (t <= sb.clock.now()) errors.push("scheduledAt must be in the future");
  return t;
}

function create(sb: Sandbox, ctx: ApiCtx) {
  const body = jsonBody(ctx);
  const c = ctx.creator;
  const errors: string[] = [];
  const attempt = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof HttpError) || e.status !== 400) throw e;
      errors.push(...((e.body as { errors?: string[] }).errors ?? []));
      return fallback;
    }
  };
  if (body.includedLists === undefined || body.includedLists === null) errors.push("includedLists is required");
  const includedLists = listRef(c, body.includedLists, "includedLists", errors);
  if (
    body.includedLists &&
    includedLists.smartListUuids.length + includedLists.customListUuids.length === 0 &&
    !errors.length
  ) {
    errors.push("includedLists must contain at least one list");
  }
  const excludedLists = listRef(c, body.excludedLists, "excludedLists", errors);
  const text = attempt(() => optionalText(body.text, "text"), null);
  const mediaUuids = attempt(() => uuidList(body.mediaUuids, "mediaUuids", MAX_MEDIA), []);
  const price = attempt(() => priceRule(body.price, mediaUuids.length > 0), null);
  const scheduledAt = parseSchedule(sb, body, errors);
  if (!errors.length && text === null && mediaUuids.length === 0) errors.push("mass message must have text or media");
  if (errors.length) throw validation(...errors);
  assertOwnReadyMedia(sb, c, mediaUuids);

  const now = sb.clock.now();
  const mm: MassMessage = {
    uuid: nextUuid(sb, "mass-message"),
    text,
    mediaUuids: [...new Set(mediaUuids)],
    price,
    includedLists,
    excludedLists,
    createdAt: now,
    scheduledAt,
    sentAt: null,
    deletedAt: null,
    recipients: [],
    sentByUserId: ctx.viaAgency ? ctx.auth.userUuid : null,
  };
  if (scheduledAt === null) deliverMassMessage(sb, c, mm, now);
  else c.massMessages.push(mm);
  const recipientCount =
    mm.sentAt !== null ? mm.recipients.length : resolveAudience(c, includedLists, excludedLists).length;
  send(ctx, 201, { id: mm.uuid, recipientCount, createdAt: iso(now) });
}

function statusOf(mm: MassMessage) {
  if (mm.deletedAt !== null) return "UNSENT";
  if (mm.forcedStatus) return mm.forcedStatus;
  return mm.sentAt !== null ? "SENT" : "SCHEDULED";
}

function item(c: CreatorWorld, mm: MassMessage) {
  let gross = 0;
  const rows = c.ledger.rowsOfRef(mm.uuid);
  for (const i of rows) gross += c.ledger.gross[i]!;
  const sent = mm.sentAt !== null;
  const recipientCount = sent
    ? mm.recipients.length
    : mm.deletedAt !== null
      ? 0
      : resolveAudience(c, mm.includedLists, mm.excludedLists).length;
  const share = 0.4 + (hashToInt(mm.uuid) % 41) / 100;
  return {
    uuid: mm.uuid,
    text: mm.text,
    status: statusOf(mm),
    price: mm.price,
    createdAt: iso(mm.createdAt),
    publishedAt: iso(mm.sentAt),
    scheduledAt: iso(mm.scheduledAt),
    recipientCount,
    viewCount: sent ? Math.max(rows.length, Math.floor(recipientCount * share)) : 0,
    purchaseCount: rows.length,
    totalRevenue: gross,
    mediaUuids: mm.mediaUuids,
  };
}

export function registerMassMessages(api: Api, sb: Sandbox) {
  api.route(
    "POST",
    "/chats/mass-messages",
    { subject: "creator" },
    withDue(sb, (ctx) => create(sb, ctx)),
  );

  api.route(
    "GET",
    "/chats/mass-messages",
    { subject: "creator" },
    withDue(sb, (ctx) => {
      const p = pageParams(ctx);
      const includeDeleted = boolQuery(ctx.query, "includeDeleted", false);
      const c = ctx.creator;
      const rows = c.massMessages
        .filter((m) => includeDeleted || m.deletedAt === null)
        .map((m, i) => ({ m, i }))
        .sort((a, b) => b.m.createdAt - a.m.createdAt || b.i - a.i)
        .map((x) => x.m);
      send(
        ctx,
        200,
        paged(rows, p, (m) => item(c, m)),
      );
    }),
  );

  api.route(
    "DELETE",
    "/chats/mass-messages/:messageUuid",
    { subject: "creator" },
    withDue(sb, (ctx) => {
      const uuid = uuidParam(ctx, "messageUuid");
      const mm = ctx.creator.massMessages.find((m) => m.uuid === uuid);
      if (!mm) throw new HttpError(404, { message: "Mass message not found" });
      unsendMassMessage(sb, ctx.creator, mm);
      send(ctx, 204);
    }),
  );
}
