import "server-only";
import type { AudienceFan } from "@/generated/prisma/client";
import type { FanProfile } from "@/lib/schemas/fans";
import { db } from "@/lib/server/db";
import type { AudienceList } from "@/lib/server/fanvue/resources/audience";
import type { FanUser } from "@/lib/server/fanvue/schemas/common";

// The audience roster: every fan seen in a creator's Fanvue lists (table
// pages and the analysis both feed it). Sorting and segments over the whole
// audience run on it, joined with the insight cache.

/** Records a page of fans in one statement. `run`: the analysis run that
 * listed them and the page's position in its listing (kept otherwise). */
export async function recordFans(creatorId: string, list: AudienceList, fans: FanUser[], run: { id: string; orderBase: number } | null = null) {
  if (fans.length === 0) return;
  const runId = run?.id ?? null;
  const json = JSON.stringify(
    fans.map((f, i) => ({
      listOrder: run ? run.orderBase + i : null,
      fanUuid: f.uuid.toLowerCase(),
      handle: f.handle,
      displayName: f.displayName,
      nickname: f.nickname,
      avatarUrl: f.avatarUrl,
      isTopSpender: f.isTopSpender,
    })),
  );
  await db.$executeRaw`
    INSERT INTO "AudienceFan" ("creatorId", "fanUuid", handle, "displayName", nickname, "avatarUrl", "isTopSpender", list, "seenAt", "runId", "listOrder")
    SELECT ${creatorId}, x."fanUuid", x.handle, x."displayName", x.nickname, x."avatarUrl", x."isTopSpender", ${list}, now(), ${runId}, x."listOrder"
    FROM jsonb_to_recordset(${json}::jsonb) AS x("fanUuid" text, handle text, "displayName" text, nickname text, "avatarUrl" text, "isTopSpender" boolean, "listOrder" int)
    ORDER BY x."fanUuid"
    ON CONFLICT ("creatorId", "fanUuid") DO UPDATE SET
      handle = EXCLUDED.handle, "displayName" = EXCLUDED."displayName", nickname = EXCLUDED.nickname,
      "avatarUrl" = EXCLUDED."avatarUrl", "isTopSpender" = EXCLUDED."isTopSpender", list = EXCLUDED.list,
      "seenAt" = EXCLUDED."seenAt", "runId" = COALESCE(EXCLUDED."runId", "AudienceFan"."runId"),
      "listOrder" = CASE WHEN EXCLUDED."runId" IS NULL THEN "AudienceFan"."listOrder" ELSE EXCLUDED."listOrder" END`;
}

/** A fan we know only by id (e.g. tagged from a chat before any list showed
 * them): a row without a handle, filled in when a list or analysis sees them. */
export async function ensureFanRow(creatorId: string, fanUuid: string, list: AudienceList) {
  await db.audienceFan.upsert({
    where: { creatorId_fanUuid: { creatorId, fanUuid } },
    create: { creatorId, fanUuid, handle: "", list, seenAt: new Date() },
    update: {},
  });
}

export function toProfile(f: Pick<AudienceFan, "fanUuid" | "handle" | "displayName" | "nickname" | "avatarUrl" | "isTopSpender" | "list">): FanProfile {
  return {
    uuid: f.fanUuid,
    handle: f.handle,
    displayName: f.displayName,
    nickname: f.nickname,
    avatarUrl: f.avatarUrl,
    isTopSpender: f.isTopSpender,
    list: f.list === "subscribers" || f.list === "followers" ? f.list : null,
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
});

export async function getFanProfile(creatorId: string, fanUuid: string): Promise<FanProfile | null> {
  const row = await db.audienceFan.findUnique({ where: { creatorId_fanUuid: { creatorId, fanUuid } } });
  return row ? toProfile(row) : null;
}

export async function tagsOf(creatorId: string, fanUuids: string[]): Promise<Map<string, string[]>> {
  const rows = fanUuids.length ? await db.fanTag.findMany({ where: { creatorId, fanUuid: { in: fanUuids } }, orderBy: { tag: "asc" } }) : [];
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.fanUuid, [...(out.get(r.fanUuid) ?? []), r.tag]);
  return out;
}
