import "server-only";
import type { FanNoteView, TagCount } from "@/lib/schemas/fans";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import type { CreatorAccess } from "@/lib/server/workspaces/access";
import { hasFanInsights } from "@/lib/server/fans/insights/insights";
import { fanInsightOrThrow, noteView } from "@/lib/server/fans/panel";
import { ensureFanRow, getFanProfile } from "@/lib/server/fans/roster/roster";

// Notes and tags on fans, stored in our database. Writes are refused (404)
// for people Fanvue says are not this creator's fans; for agency-managed
// creators Fanvue offers no per-fan lookup, so any fan id is accepted there.

type Actor = { id: string; name: string };

/** Checks the fan belongs to the creator and makes sure the roster knows
 * them, so tag filters find fans tagged from anywhere (e.g. a chat). */
async function assertFan(access: CreatorAccess, fanUuid: string) {
  let list: "subscribers" | "followers" = "followers";
  if (hasFanInsights(access)) {
    const insight = await fanInsightOrThrow(access, fanUuid);
    if (insight.data?.status === "subscriber") list = "subscribers";
  }
  if (!(await getFanProfile(access.creator.id, fanUuid))) await ensureFanRow(access.creator.id, fanUuid, list);
}

export async function addNote(access: CreatorAccess, fanUuid: string, body: string, by: Actor): Promise<FanNoteView> {
  await assertFan(access, fanUuid);
  const note = await db.fanNote.create({
    data: { creatorId: access.creator.id, fanUuid, body, authorUserId: by.id, authorName: by.name },
  });
  return noteView(note);
}

async function ownNote(access: CreatorAccess, fanUuid: string, noteId: string, by: Actor) {
  const note = await db.fanNote.findFirst({ where: { id: noteId, creatorId: access.creator.id, fanUuid } });
  if (!note) throw new ApiError("not_found", "Note not found.");
  // Authors edit their own notes; owners and managers may tidy anyone's.
  const moderator = access.membership.role === "owner" || access.membership.role === "manager";
  if (note.authorUserId !== by.id && !moderator)
    throw new ApiError("forbidden", "Only the note's author (or an owner or manager) can change it.");
  return note;
}

export async function updateNote(
  access: CreatorAccess,
  fanUuid: string,
  noteId: string,
  body: string,
  by: Actor,
): Promise<FanNoteView> {
  await ownNote(access, fanUuid, noteId, by);
  return noteView(await db.fanNote.update({ where: { id: noteId }, data: { body } }));
}

export async function deleteNote(access: CreatorAccess, fanUuid: string, noteId: string, by: Actor) {
  await ownNote(access, fanUuid, noteId, by);
  await db.fanNote.delete({ where: { id: noteId } });
  return { deleted: noteId };
}

// 20 tags a fan: enough for any labelling scheme, few enough to show in a row.
export const MAX_TAGS_PER_FAN = 20;

export async function addTag(access: CreatorAccess, fanUuid: string, tag: string, by: Actor) {
  await assertFan(access, fanUuid);
  const creatorId = access.creator.id;
  const count = await db.fanTag.count({ where: { creatorId, fanUuid } });
  const exists = await db.fanTag.findUnique({ where: { creatorId_fanUuid_tag: { creatorId, fanUuid, tag } } });
  if (!exists && count >= MAX_TAGS_PER_FAN)
    throw new ApiError("invalid_input", `A fan can have at most ${MAX_TAGS_PER_FAN} tags.`, { field: "tag" });
  if (!exists) await db.fanTag.create({ data: { creatorId, fanUuid, tag, createdByName: by.name } });
  return {
    tags: (await db.fanTag.findMany({ where: { creatorId, fanUuid }, orderBy: { tag: "asc" } })).map((t) => t.tag),
  };
}

export async function removeTag(access: CreatorAccess, fanUuid: string, tag: string) {
  const creatorId = access.creator.id;
  const res = await db.fanTag.deleteMany({ where: { creatorId, fanUuid, tag } });
  if (res.count === 0) throw new ApiError("not_found", `This fan has no tag "${tag}".`);
  return {
    tags: (await db.fanTag.findMany({ where: { creatorId, fanUuid }, orderBy: { tag: "asc" } })).map((t) => t.tag),
  };
}

export async function listTags(creatorId: string): Promise<TagCount[]> {
  const rows = await db.fanTag.groupBy({
    by: ["tag"],
    where: { creatorId },
    _count: { _all: true },
    orderBy: { tag: "asc" },
  });
  return rows.map((r) => ({ tag: r.tag, fans: r._count._all }));
}
