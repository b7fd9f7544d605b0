import "server-only";
import type { Automation, AutomationRun } from "@/generated/prisma/client";
import { ApiError } from "@/lib/server/api/errors";
import { addMembers, removeMember } from "@/lib/server/chats/lists";
import { sendChatMessage } from "@/lib/server/chats/send";
import { MAX_TAGS_PER_FAN } from "@/lib/server/fans/notes-tags";
import { clientForCreator } from "@/lib/server/creators/client";
import { loadCreatorRef, type CreatorRef } from "@/lib/server/creators/ref";
import { db } from "@/lib/server/db";
import { FanvueError } from "@/lib/server/fanvue/errors";
import { listMessages } from "@/lib/server/fanvue/resources/chat-messages";
import { publish } from "@/lib/server/live/bus";
import type { TriggerParams } from "@/lib/schemas/automations";
import { localDate, startOfLocalDay, addDays } from "@/lib/utils/date-range";
import { quietUntil } from "@/lib/utils/quiet-hours";

// A due run: checked against the chat as it is now, then sent exactly once.
// The send goes through ChatSend keyed by the run ("automation:<run id>"):
// a worker killed mid-call leaves the send "sending", and the next attempt
// waits for it or settles it from the conversation — never a second send.

/** The sender id of an automation's sends (ChatSend.senderUserId; no member has it). */
export const automationSender = (automationId: string) => `automation:${automationId}`;

export type RunOutcome = { status: AutomationRun["status"]; retryAt?: Date };

const set = (
  id: string,
  data: Partial<Pick<AutomationRun, "status" | "reason" | "dueAt" | "text" | "chatSendId" | "sentAt">>,
) => db.automationRun.update({ where: { id }, data });

const skip = async (run: AutomationRun, reason: string): Promise<RunOutcome> => {
  await set(run.id, { status: "skipped", reason });
  return { status: "skipped" };
};

/** Fills {name}, {handle} and {creator} in the message. */
export function renderText(text: string | null, run: Pick<AutomationRun, "fanName" | "fanHandle">, creator: string) {
  if (!text) return null;
  const name = run.fanName?.trim() || (run.fanHandle ? `@${run.fanHandle}` : "there");
  return text
    .replaceAll("{name}", name)
    .replaceAll("{handle}", run.fanHandle ? `@${run.fanHandle}` : name)
    .replaceAll("{creator}", creator);
}

/** What the conversation says now: when the creator's side last wrote, and whether the fan is waiting. */
async function chatNow(ref: CreatorRef, fanUuid: string) {
  const page = await listMessages(clientForCreator(ref), fanUuid, 1, 20, "background").catch((err: unknown) => {
    if (err instanceof FanvueError && err.kind === "not_found") return { data: [] };
    throw err;
  });
  const fromCreator = (m: (typeof page.data)[number]) => m.sender?.uuid === ref.creator.fanvueUuid;
  const lastCreator = page.data.find(fromCreator);
  const newest = page.data[0];
  return {
    lastCreatorAt: lastCreator?.sentAt ? Date.parse(lastCreator.sentAt) : null,
    fanWaiting: newest !== undefined && !fromCreator(newest),
  };
}

/** The rules that keep an automation off a live chat; a reason when it must not send. */
/** Whether the automation writes to the fan (else it only tags or moves them between lists). */
export const hasMessage = (a: Pick<Automation, "text" | "mediaUuids">) =>
  Boolean(a.text?.trim()) || a.mediaUuids.length > 0;

async function reasonToSkip(a: Automation, run: AutomationRun, ref: CreatorRef, now: number) {
  // The chat rules protect a conversation from a message; tags and lists do not touch it.
  const recent = hasMessage(a) && a.skipIfWrittenMinutes > 0 ? new Date(now - a.skipIfWrittenMinutes * 60_000) : null;
  if (recent) {
    const ours = await db.chatSend.findFirst({
      where: { creatorId: a.creatorId, fanUuid: run.fanUuid, status: "sent", sentAt: { gte: recent } },
      select: { id: true },
    });
    if (ours) return `Someone wrote to this fan in the last ${a.skipIfWrittenMinutes} minutes.`;
  }
  if (recent || (a.skipIfUnread && hasMessage(a))) {
    const chat = await chatNow(ref, run.fanUuid);
    if (recent && chat.lastCreatorAt !== null && chat.lastCreatorAt >= recent.getTime())
      return `The creator's side wrote to this fan in the last ${a.skipIfWrittenMinutes} minutes.`;
    if (a.skipIfUnread && chat.fanWaiting) return "The fan's own message is waiting for an answer.";
  }
  if (a.skipIfSentMedia && a.mediaUuids.length) {
    const sent = await db.chatSend.findFirst({
      where: { creatorId: a.creatorId, fanUuid: run.fanUuid, status: "sent", mediaUuids: { hasSome: a.mediaUuids } },
      select: { id: true },
    });
    if (sent) return "This fan was already sent this media.";
  }
  const since = a.perFanDays === null ? undefined : new Date(now - a.perFanDays * 86_400_000);
  const before = await db.automationRun.findFirst({
    where: {
      automationId: a.id,
      fanUuid: run.fanUuid,
      status: { in: ["sent", "sending", "unknown"] },
      NOT: { id: run.id },
      ...(since ? { dueAt: { gte: since } } : {}),
    },
    select: { id: true },
  });
  if (before)
    return a.perFanDays === null
      ? "Already sent to this fan (once per fan)."
      : `Already sent to this fan in the last ${a.perFanDays} days.`;
  if (a.dailyCap !== null) {
    const today = localDate(now, a.timeZone);
    const sentToday = await db.automationRun.count({
      where: {
        automationId: a.id,
        status: { in: ["sent", "sending", "unknown"] },
        sentAt: {
          gte: new Date(startOfLocalDay(today, a.timeZone)),
          lt: new Date(startOfLocalDay(addDays(today, 1), a.timeZone)),
        },
      },
    });
    if (sentToday >= a.dailyCap) return `The daily cap of ${a.dailyCap} was reached (${today}, ${a.timeZone}).`;
  }
  return null;
}

/** Moves a pending run to sending (only one caller wins), with its message fixed. */
async function start(a: Automation, run: AutomationRun, ref: CreatorRef, now: number) {
  const text = renderText(a.text, run, ref.creator.displayName);
  // sentAt: when it went out (what the daily cap counts), fixed here.
  const res = await db.automationRun.updateMany({
    where: { id: run.id, status: "pending" },
    data: { status: "sending", text, sentAt: new Date(now) },
  });
  return res.count === 1;
}

/** Checks a due pending run: paused, quiet hours, the chat, caps; dry run. */
async function decide(a: Automation, run: AutomationRun, ref: CreatorRef, now: number): Promise<RunOutcome | null> {
  if (a.status !== "active") return skip(run, "The automation was paused.");
  if (a.trigger === "unanswered") {
    // Answered since (perhaps from Fanvue's own app): nobody needs alerting.
    if (!(await chatNow(ref, run.fanUuid)).fanWaiting) return skip(run, "The fan has been answered since.");
    return (await start(a, run, ref, now)) ? null : { status: "pending" };
  }
  const until = quietUntil(now, a.timeZone, a.quietStartMin, a.quietEndMin);
  if (until !== null) {
    await set(run.id, { dueAt: new Date(until) });
    return { status: "pending", retryAt: new Date(until) };
  }
  const why = await reasonToSkip(a, run, ref, now);
  if (why) return skip(run, why);
  if (a.dryRun) {
    await set(run.id, { status: "dry_run", reason: "Dry run: this message would have been sent now." });
    return { status: "dry_run" };
  }
  return (await start(a, run, ref, now)) ? null : { status: "pending" };
}

/** Sends a run that is "sending" (ours, or left by a worker that died): once, by its key. */
/** Tag the fan, add them to or remove them from a list: each idempotent (a retry repeats it harmlessly).
 * A failed action is said in the run's reason; the message, if any, has gone out. */
async function doActions(a: Automation, run: AutomationRun, ref: CreatorRef): Promise<string | null> {
  const problems: string[] = [];
  const attempt = async (what: string, fn: () => Promise<unknown>) =>
    fn().catch((err: unknown) =>
      problems.push(`could not ${what}: ${err instanceof Error ? err.message : String(err)}`),
    );
  if (a.notifyTeam && a.trigger !== "unanswered") await attempt("tell the team", () => alertTeam(a, run, ref));
  if (a.tag) {
    const tag = a.tag;
    await attempt(`tag the fan "${tag}"`, async () => {
      const n = await db.fanTag.count({ where: { creatorId: a.creatorId, fanUuid: run.fanUuid } });
      if (n >= MAX_TAGS_PER_FAN) throw new Error(`the fan already has ${MAX_TAGS_PER_FAN} tags`);
      await db.fanTag.createMany({
        data: [{ creatorId: a.creatorId, fanUuid: run.fanUuid, tag, createdByName: `Automation: ${a.name}` }],
        skipDuplicates: true,
      });
    });
  }
  if (a.addToListUuid) await attempt("add the fan to the list", () => addMembers(ref, a.addToListUuid!, [run.fanUuid]));
  if (a.removeFromListUuid)
    await attempt("remove the fan from the list", () => removeMember(ref, a.removeFromListUuid!, run.fanUuid));
  return problems.length ? problems.join("; ") : null;
}

/** What the team is told when it fires. */
function noticeOf(a: Automation) {
  const p = a.triggerParams as TriggerParams;
  if (a.trigger === "unanswered") return `${a.name}: waiting for an answer for over ${p.minutes ?? 15} minutes`;
  return `${a.name} fired${hasMessage(a) ? " and wrote to them" : ""}`;
}

/** Tells the team in their open dashboards (a toast), through the live event log: once per run. */
async function alertTeam(a: Automation, run: AutomationRun, ref: CreatorRef) {
  const e = await db.webhookEvent.upsert({
    where: { dedupeKey: `automation-alert:${run.id}` },
    create: {
      event: "automation-alert",
      dedupeKey: `automation-alert:${run.id}`,
      signature: `automation-alert:${run.id}`,
      recipientUuid: ref.creator.fanvueUuid,
      fanUuid: run.fanUuid,
      payload: {
        sender: { uuid: run.fanUuid, handle: run.fanHandle, displayName: run.fanName },
        message: { text: noticeOf(a) },
      },
      signedAt: new Date(),
      automationsAt: new Date(),
    },
    update: {},
  });
  publish(e);
}

/** Runs the actions: the message (once, by its key) and then tags and lists. */
async function send(a: Automation, run: AutomationRun, ref: CreatorRef, resumed: boolean): Promise<RunOutcome> {
  if (a.trigger === "unanswered") {
    await alertTeam(a, run, ref);
    const problem = await doActions(a, run, ref);
    await set(run.id, { status: "sent", reason: problem ? `Alerted the team; ${problem}` : "Alerted the team." });
    return { status: "sent" };
  }
  if (!hasMessage(a)) {
    const problem = await doActions(a, run, ref);
    await set(run.id, { status: problem ? "failed" : "sent", reason: problem });
    return { status: problem ? "failed" : "sent" };
  }
  const out = await sendMessage(a, run, ref, resumed);
  if (out.status === "sent") {
    const problem = await doActions(a, run, ref);
    if (problem) await set(run.id, { reason: `Sent; ${problem}` });
  }
  return out;
}

/** Sends the message once, by the run's key. */
async function sendMessage(a: Automation, run: AutomationRun, ref: CreatorRef, resumed: boolean): Promise<RunOutcome> {
  const fresh = await db.automationRun.findUniqueOrThrow({ where: { id: run.id } });
  try {
    const { send: s } = await sendChatMessage(
      ref,
      // Its own sender id: the leaderboard credits its sales to the automation, never to a member.
      { id: automationSender(a.id), name: `Automation: ${a.name}` },
      run.fanUuid,
      {
        idempotencyKey: `automation:${run.id}`,
        text: fresh.text,
        mediaUuids: a.mediaUuids,
        price: a.price,
        templateUuid: null,
      },
      // Found "sending" at the start: the job's last holder died (its lease ran out), so its
      // send is settled from the conversation now, not after the usual 5 minutes.
      resumed ? { staleAfterMs: 0 } : {},
    );
    const chatSend = await db.chatSend.findUnique({
      where: { creatorId_idempotencyKey: { creatorId: a.creatorId, idempotencyKey: `automation:${run.id}` } },
      select: { id: true },
    });
    if (s.status === "sending") return { status: "sending", retryAt: new Date(Date.now() + 60_000) };
    const status = s.status === "sent" ? "sent" : s.status === "unknown" ? "unknown" : "failed";
    await set(run.id, {
      status,
      chatSendId: chatSend?.id ?? null,
      reason: s.error ?? null,
    });
    return { status };
  } catch (err) {
    // Fanvue refused before sending: nothing went out.
    if (err instanceof ApiError && err.code !== "rate_limited" && err.code !== "upstream_unavailable") {
      await set(run.id, { status: "failed", reason: err.message });
      return { status: "failed" };
    }
    throw err; // the job retries (rate limits, an outage): the send stays keyed to this run
  }
}

/** The job: one run, due now. */
export async function processRun(runId: string, now = Date.now()): Promise<RunOutcome> {
  const run = await db.automationRun.findUnique({ where: { id: runId } });
  if (!run || (run.status !== "pending" && run.status !== "sending")) return { status: run?.status ?? "skipped" };
  const [a, ref] = await Promise.all([
    db.automation.findUnique({ where: { id: run.automationId } }),
    loadCreatorRef(run.creatorId),
  ]);
  if (!a || !ref) return skip(run, "The automation or its creator was removed.");
  if (run.status === "pending") {
    const decided = await decide(a, run, ref, now);
    if (decided) return decided;
  }
  return send(a, run, ref, run.status === "sending");
}
