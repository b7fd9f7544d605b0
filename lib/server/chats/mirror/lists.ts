import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { customListMembers, smartListMembers } from "@/lib/server/fanvue/resources/chat-lists";

// The members of an agency creator's smart and custom lists, read through
// the documented list-member routes (50 a page, "background" priority) into
// MirrorListMember, so the mirrored inbox can filter by list in SQL. Each
// page is committed with the read's checkpoint: a restart resumes it. While a
// read runs, the previous members stay (the view says how old they are).

const MAX_PAGES = 2_000;

export type ListKey = { kind: "smart" | "custom"; id: string };
export const parseListKey = (key: string): ListKey => {
  const i = key.indexOf(":");
  return { kind: key.slice(0, i) === "custom" ? "custom" : "smart", id: key.slice(i + 1) };
};

async function runOf(creatorId: string, listKey: string) {
  const s = await db.mirrorListSync.upsert({
    where: { creatorId_listKey: { creatorId, listKey } },
    create: { creatorId, listKey },
    update: {},
  });
  if (s.runId && s.runNextPage && s.runStartedAt)
    return { runId: s.runId, page: s.runNextPage, startedAt: s.runStartedAt, read: s.membersRead };
  const run = { runId: randomUUID(), page: 1, startedAt: new Date(), read: 0 };
  await db.mirrorListSync.update({
    where: { creatorId_listKey: { creatorId, listKey } },
    data: { runId: run.runId, runNextPage: 1, runStartedAt: run.startedAt, membersRead: 0 },
  });
  return run;
}

/** Reads (or resumes reading) every member of one list. A list Fanvue no
 * longer has (404) is forgotten: "gone" tells the caller to say so. */
export async function readListMembers(
  client: FanvueClient,
  creatorId: string,
  listKey: string,
  signal?: AbortSignal,
): Promise<"done" | "gone"> {
  const { kind, id } = parseListKey(listKey);
  const where = { creatorId_listKey: { creatorId, listKey } };
  const run = await runOf(creatorId, listKey);
  let read = run.read;
  try {
    for (let page = run.page; page <= MAX_PAGES; page++) {
      signal?.throwIfAborted();
      const res =
        kind === "smart"
          ? await smartListMembers(client, id, page, "background")
          : await customListMembers(client, id, page, "background");
      const done = !res.pagination.hasMore || res.data.length === 0;
      read += res.data.length;
      const rows = res.data.map((m) => ({ creatorId, listKey, fanUuid: m.uuid, runId: run.runId }));
      await db.$transaction([
        db.mirrorListMember.deleteMany({ where: { creatorId, listKey, fanUuid: { in: rows.map((r) => r.fanUuid) } } }),
        db.mirrorListMember.createMany({ data: rows, skipDuplicates: true }),
        db.mirrorListSync.update({ where, data: { runNextPage: done ? null : page + 1, membersRead: read } }),
      ]);
      if (done) break;
    }
  } catch (err) {
    if (!(err instanceof FanvueError && err.kind === "not_found")) throw err;
    // Remembered, so views say so instead of asking Fanvue again and again.
    await db.$transaction([
      db.mirrorListMember.deleteMany({ where: { creatorId, listKey } }),
      db.mirrorListSync.update({
        where,
        data: { gone: true, syncedAt: new Date(), runId: null, runNextPage: null, runStartedAt: null, lastError: null },
      }),
    ]);
    return "gone";
  }
  await db.$transaction([
    db.mirrorListMember.deleteMany({ where: { creatorId, listKey, runId: { not: run.runId } } }),
    db.mirrorListSync.update({
      where,
      data: {
        syncedAt: run.startedAt,
        gone: false,
        runId: null,
        runNextPage: null,
        runStartedAt: null,
        lastError: null,
      },
    }),
  ]);
  return "done";
}
