import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/server/db";
import type { FanvueClient } from "@/lib/server/fanvue/client";
import { listChatPage, type Chat } from "@/lib/server/fanvue/resources/chats";
import { toMirrorRow, upsertChats } from "./store";

// Keeps an agency creator's chat mirror in step with GET /creators/{c}/chats
// (page and size only, most recent message first), on the limiter's
// "background" priority so people's requests go first.
//
// - Head pass: reads from page 1 until a page holds only chats whose last
//   message is older than the previous pass (minus an overlap): new messages
//   cost one or two calls. If Fanvue's order is ever not by recency, passes
//   read every page instead (`unordered`).
// - Full resync: every page, each committed with its checkpoint in one
//   transaction, so a restart resumes at the next page. A head pass follows
//   it (chats that moved up while it paged), then chats that two full runs
//   in a row did not list are removed.

/** Fanvue's maximum page: fewest calls. */
export const MIRROR_PAGE = 50;
/** Clock skew and late writes between Fanvue and us. */
const OVERLAP_MS = 2 * 60_000;
/** A run reading more pages than this is not a chat list (10,000 chats per page of 50 → 200). */
const MAX_PAGES = 2_000;

type Opts = { signal?: AbortSignal; onPage?: (chatsSeen: number) => Promise<void> };

const byRecency = (rows: Chat[]) =>
  rows.every(
    (r, i) =>
      i === 0 || (Date.parse(rows[i - 1]!.lastMessageAt ?? "") || 0) >= (Date.parse(r.lastMessageAt ?? "") || 0),
  );

export async function headPass(client: FanvueClient, creatorId: string, opts: Opts = {}) {
  const state = await db.mirrorChatSync.upsert({ where: { creatorId }, create: { creatorId }, update: {} });
  const startedAt = new Date();
  const stopBefore = state.syncedAt ? state.syncedAt.getTime() - OVERLAP_MS : null;
  let unordered = state.unordered;
  let seen = 0;
  for (let page = 1; page <= MAX_PAGES; page++) {
    opts.signal?.throwIfAborted();
    const readAt = new Date();
    const res = await listChatPage(client, page, MIRROR_PAGE, "background");
    await upsertChats(creatorId, res.data.map(toMirrorRow), readAt, null);
    seen += res.data.length;
    await opts.onPage?.(seen);
    if (!byRecency(res.data)) unordered = true;
    if (!res.pagination.hasMore || res.data.length === 0) break;
    // In recency order, a page reaching past the last pass ends what is new.
    const oldest = Math.min(...res.data.map((r) => Date.parse(r.lastMessageAt ?? "") || 0));
    if (!unordered && stopBefore !== null && oldest < stopBefore) break;
  }
  await db.mirrorChatSync.update({
    where: { creatorId },
    data: { syncedAt: startedAt, unordered, lastError: null, updatedAt: new Date() },
  });
  return { seen };
}

/** Starts a full resync unless one is in progress (then it resumes). */
async function runOf(creatorId: string) {
  const s = await db.mirrorChatSync.upsert({ where: { creatorId }, create: { creatorId }, update: {} });
  if (s.runId && s.runNextPage && s.runStartedAt)
    return { runId: s.runId, page: s.runNextPage, startedAt: s.runStartedAt, seen: s.runChatsSeen };
  const run = { runId: randomUUID(), page: 1, startedAt: new Date(), seen: 0 };
  await db.mirrorChatSync.update({
    where: { creatorId },
    data: { runId: run.runId, runNextPage: 1, runStartedAt: run.startedAt, runChatsSeen: 0 },
  });
  return run;
}

export async function fullResync(client: FanvueClient, creatorId: string, opts: Opts = {}) {
  const run = await runOf(creatorId);
  let seen = run.seen;
  for (let page = run.page; page <= MAX_PAGES; page++) {
    opts.signal?.throwIfAborted();
    const readAt = new Date();
    const res = await listChatPage(client, page, MIRROR_PAGE, "background");
    const done = !res.pagination.hasMore || res.data.length === 0;
    seen += res.data.length;
    await db.$transaction(async (tx) => {
      await upsertChats(creatorId, res.data.map(toMirrorRow), readAt, run.runId, tx);
      await tx.mirrorChatSync.update({
        where: { creatorId },
        data: { runNextPage: done ? null : page + 1, runChatsSeen: seen },
      });
    });
    await opts.onPage?.(seen);
    if (done) break;
  }
  await headPass(client, creatorId, opts);
  await finishRun(creatorId, run.runId, run.startedAt);
  return { seen };
}

/** Chats the run did not list and nothing touched since it began: missed
 * once (paging may skip a row when the list shifts under it), gone twice. */
async function finishRun(creatorId: string, runId: string, startedAt: Date) {
  await db.$transaction([
    db.mirrorChat.updateMany({
      where: { creatorId, updatedAt: { lt: startedAt }, OR: [{ seenRunId: null }, { seenRunId: { not: runId } }] },
      data: { missedRuns: { increment: 1 } },
    }),
    db.mirrorChat.deleteMany({ where: { creatorId, missedRuns: { gte: 2 } } }),
    db.mirrorChatSync.update({
      where: { creatorId },
      data: { runId: null, runNextPage: null, runStartedAt: null, fullSyncedAt: startedAt, lastError: null },
    }),
  ]);
}
