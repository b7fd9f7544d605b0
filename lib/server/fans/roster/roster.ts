import "server-only";
import type { AudienceFan } from "@/generated/prisma/client";
import type { FanProfile } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
import { forgetListCounts } from "@/lib/server/fans/roster/list-counts";
import type { AudienceList } from "@/lib/server/fanvue/resources/audience";
import type { FanUser } from "@/lib/server/fanvue/schemas/common";

// Writes to the fan roster (AudienceFan): pages of Fanvue's lists (a full
// sync, the head check, a live table page) and webhook events. Search,
// sorting and segments over the whole audience read it (roster-query.ts).

export type RosterFan = Pick<
  FanUser,
  "uuid" | "handle" | "displayName" | "nickname" | "avatarUrl" | "isTopSpender" | "registeredAt"
>;

/** What search matches: handle, display name and nickname, lower case. */
export const searchTextOf = (f: Pick<RosterFan, "handle" | "displayName" | "nickname">) =>
  [f.handle, f.displayName, f.nickname].filter(Boolean).join(" ").toLowerCase();

/** One statement for a page of fans (a Prisma promise, so a full sync can
 * commit it in one transaction with its checkpoint). `run`: the full sync
 * that listed them and the page's position in its listing. Outside a full
 * sync, a fan new to the roster or to this list gets a negative position
 * (minus the time seen), so "newest first" puts them ahead of the listing. */
export function recordFansQuery(
  creatorId: string,
  list: AudienceList,
  fans: RosterFan[],
  run: { id: string; orderBase: number } | null = null,
) {
  const runId = run?.id ?? null;
  const fresh = -Math.floor(Date.now() / 1000);
  const json = JSON.stringify(
    fans.map((f, i) => ({
      listOrder: run ? run.orderBase + i : fresh,
      fanUuid: f.uuid.toLowerCase(),
      handle: f.handle,
      displayName: f.displayName,
      nickname: f.nickname,
      avatarUrl: f.avatarUrl,
      isTopSpender: f.isTopSpender,
      registeredAt: f.registeredAt,
      searchText: searchTextOf(f),
    })),
  );
  return db.$executeRaw`
    INSERT INTO "AudienceFan" ("creatorId", "fanUuid", handle, "displayName", nickname, "avatarUrl", "isTopSpender", "registeredAt", "searchText", list, "firstSeenAt", "seenAt", "runId", "listOrder")
    SELECT ${creatorId}, x."fanUuid", x.handle, x."displayName", x.nickname, x."avatarUrl", x."isTopSpender", x."registeredAt", x."searchText", ${list}, now(), now(), ${runId}, x."listOrder"
    FROM jsonb_to_recordset(${json}::jsonb) AS x("fanUuid" text, handle text, "displayName" text, nickname text, "avatarUrl" text, "isTopSpender" boolean, "registeredAt" timestamp, "searchText" text, "listOrder" int)
    ORDER BY x."fanUuid"
    ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
      handle = EXCLUDED.handle, "displayName" = EXCLUDED."displayName", nickname = EXCLUDED.nickname,
      "avatarUrl" = EXCLUDED."avatarUrl", "isTopSpender" = EXCLUDED."isTopSpender",
      "registeredAt" = COALESCE(EXCLUDED."registeredAt", "AudienceFan"."registeredAt"), "searchText" = EXCLUDED."searchText",
      list = EXCLUDED.list, "seenAt" = EXCLUDED."seenAt", "runId" = COALESCE(EXCLUDED."runId", "AudienceFan"."runId"),
      "listOrder" = CASE WHEN EXCLUDED."runId" IS NOT NULL OR "AudienceFan".list <> EXCLUDED.list OR "AudienceFan"."listOrder" IS NULL
        THEN EXCLUDED."listOrder" ELSE "AudienceFan"."listOrder" END`;
}

export async function recordFans(
  creatorId: string,
  list: AudienceList,
  fans: RosterFan[],
  run: { id: string; orderBase: number } | null = null,
) {
  if (!fans.length) return;
  await recordFansQuery(creatorId, list, fans, run);
  forgetListCounts(creatorId);
}

/** A new follower or subscriber from a webhook. A follower event never
 * demotes a fan the roster has as a subscriber (followers exclude them). */
export async function recordEventFan(
  creatorIds: string[],
  list: AudienceList,
  fan: { uuid: string; handle: string | null; displayName: string | null },
) {
  for (const creatorId of creatorIds) {
    const known = await db.audienceFan.findUnique({
      where: { creatorId_fanUuid: { creatorId, fanUuid: fan.uuid.toLowerCase() } },
      select: { list: true, handle: true, nickname: true, avatarUrl: true, isTopSpender: true, registeredAt: true },
    });
    const target = list === "followers" && known?.list === "subscribers" ? "subscribers" : list;
    const handle = fan.handle ?? known?.handle ?? "";
    const profile = {
      uuid: fan.uuid,
      handle,
      displayName: fan.displayName,
      nickname: known?.nickname ?? null,
      avatarUrl: known?.avatarUrl ?? null,
      isTopSpender: known?.isTopSpender ?? false,
      registeredAt: known?.registeredAt?.toISOString() ?? null,
    };
    await recordFans(creatorId, target, [profile]);
  }
}

/** A fan we know only by id (e.g. tagged from a chat before any list showed
 * them): a row without a handle, filled in when a list shows them. */
export async function ensureFanRow(creatorId: string, fanUuid: string, list: AudienceList) {
  await db.audienceFan.upsert({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    create: { creatorId, fanUuid, handle: "", list, seenAt: new Date() },
    update: {},
  });
}

type ProfileRow = Pick<
  AudienceFan,
  "fanUuid" | "handle" | "displayName" | "nickname" | "avatarUrl" | "isTopSpender" | "list"
> &
  Partial<Pick<AudienceFan, "registeredAt" | "firstSeenAt" | "seenAt">>;

export function toProfile(f: ProfileRow): FanProfile {
  const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
  return {
    uuid: f.fanUuid,
    handle: f.handle,
    displayName: f.displayName,
    nickname: f.nickname,
    avatarUrl: f.avatarUrl,
    isTopSpender: f.isTopSpender,
    list: f.list === "subscribers" || f.list === "followers" ? f.list : null,
    registeredAt: iso(f.registeredAt),
    firstSeenAt: f.handle ? iso(f.firstSeenAt) : null,
    seenAt: f.handle ? iso(f.seenAt) : null,
  };
}

export const fromFanUser = (f: FanUser, list: AudienceList): FanProfile => ({
  uuid: f.uuid.toLowerCase(),
  handle: f.handle,
  displayName: f.displayName,
  nickname: f.nickname,
  avatarUrl: f.avatarUrl,
  isTopSpender: f.isTopSpender,
  list,
  registeredAt: f.registeredAt,
  firstSeenAt: null,
  seenAt: null,
});

export async function getFanProfile(creatorId: string, fanUuid: string): Promise<FanProfile | null> {
  const row = await db.audienceFan.findUnique({ where: { creatorId_fanUuid: { creatorId, fanUuid } } });
  return row ? toProfile(row) : null;
}

export async function tagsOf(creatorId: string, fanUuids: string[]): Promise<Map<string, string[]>> {
  const rows = fanUuids.length
    ? await db.fanTag.findMany({ where: { creatorId, fanUuid: { in: fanUuids } }, orderBy: { tag: "asc" } })
    : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.fanUuid, [...(out.get(r.fanUuid) ?? []), r.tag]);
  return out;
}
