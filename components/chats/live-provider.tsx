"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { chatKeys } from "@/lib/queries/chats";
import { unreadKey } from "@/lib/queries/creators";
import { earningsReportsFilter } from "@/lib/queries/earnings";
import { fanKeys } from "@/lib/queries/fans";
import { useLiveStream, type LiveStatus } from "@/lib/queries/live";
import { massKeys } from "@/lib/queries/mass-messages";
import type { LiveEvent, LiveRevoked, WebhookRefusalState } from "@/lib/schemas/live";
import { formatMoney } from "@/lib/utils/format";
import { applyNewMessage } from "./live-apply";
import { useToasts } from "./toaster";

// Live updates for the pages of this feature: each pushed event refreshes
// what it changes (inbox, conversation, fan panel, campaign results) and
// tips, purchases and new subscribers show as toasts. Without webhooks the
// same queries poll instead, within the rate budget (see `pollMs`).

type LiveCtx = {
  status: LiveStatus;
  refused: WebhookRefusalState | null;
  revoked: LiveRevoked["reason"] | null;
  pollMs: (what: "inbox" | "conversation") => number | false;
};
const Ctx = createContext<LiveCtx>({ status: "connecting", refused: null, revoked: null, pollMs: () => false });
export const useLive = () => useContext(Ctx);

// Fallback polling, per open tab: inbox 3 calls (list, presence, unread) every
// 20 s + conversation 1 call every 10 s ≈ 15 calls/min of Fanvue's 200/min.
// With webhooks a slow safety poll catches anything a lost delivery missed.
const POLL = { inbox: { live: 120_000, fallback: 20_000 }, conversation: { live: false as const, fallback: 10_000 } };

/** Pushed updates are trusted once one has arrived; until then (no webhooks,
 * a reconnecting stream, refused deliveries, or webhooks Fanvue cannot
 * reach) the views poll. Without access any more, nothing is asked. */
export const pollInterval = (status: LiveStatus, receiving: boolean, what: keyof typeof POLL): number | false =>
  status === "revoked" ? false : status === "live" && receiving ? POLL[what].live : POLL[what].fallback;

/** "10 min", "3 h", "2 days": how far the clocks disagree. */
export function formatSkew(skewSec: number) {
  const min = Math.round(Math.abs(skewSec) / 60);
  if (min < 120) return `${min} min`;
  const h = Math.round(min / 60);
  return h < 48 ? `${h} h` : `${Math.round(h / 24)} days`;
}

type Shown = { status: LiveStatus; refused: WebhookRefusalState | null; revoked: LiveRevoked["reason"] | null };

/** The indicator's words (and its tooltip) for the stream's state. */
export function liveLabel({ status, refused, revoked }: Shown): { text: string; title?: string } {
  if (status === "refused" && refused) {
    const off = formatSkew(refused.skewSec);
    return {
      text: `Webhooks refused: check the server clock (off by ${off})`,
      title: `This server's clock is ${off} ${refused.skewSec > 0 ? "ahead of" : "behind"} Fanvue's, so Fanvue's signed deliveries look stale and are refused. New messages are checked every 20 s meanwhile.`,
    };
  }
  if (status === "revoked")
    return { text: revoked === "signed_out" ? "Signed out: live updates stopped" : "No access: live updates stopped" };
  if (status === "live") return { text: "Live" };
  if (status === "polling")
    return { text: "Updates every 20 s", title: "No Fanvue webhooks: checking for new messages regularly" };
  return { text: "Connecting…" };
}

const fanLabel = (e: LiveEvent) => e.fan?.displayName || (e.fan?.handle ? `@${e.fan.handle}` : "a fan");

function toastFor(e: LiveEvent) {
  const amount = e.amount !== null ? formatMoney(e.amount) : null;
  if (e.type === "tip-received")
    return {
      title: `Tip${amount ? ` ${amount}` : ""} from ${fanLabel(e)}`,
      body: e.text ?? undefined,
      tone: "success" as const,
    };
  if (e.type === "purchase-received")
    return { title: `Purchase${amount ? ` ${amount}` : ""} by ${fanLabel(e)}`, tone: "success" as const };
  if (e.type === "automation-alert")
    return { title: `Automation · ${fanLabel(e)}`, body: e.text ?? undefined, tone: "info" as const };
  if (e.type === "new-subscriber")
    return {
      title: `New subscriber: ${fanLabel(e)}`,
      body: amount ? `${amount} subscription` : undefined,
      tone: "success" as const,
    };
  return null;
}

export function LiveProvider({
  workspaceId,
  creatorNames,
  children,
}: {
  workspaceId: string;
  creatorNames?: Record<string, string>;
  children: ReactNode;
}) {
  const qc = useQueryClient();
  const { push } = useToasts();
  const onEvent = useCallback(
    (e: LiveEvent) => {
      const shown = e.type === "message-received" && applyNewMessage(qc, e);
      // The list is re-read for its order (the row is already updated).
      void qc.invalidateQueries({ queryKey: chatKeys.inboxes(e.creatorId) });
      void qc.invalidateQueries({ queryKey: chatKeys.team(workspaceId) });
      if (e.type === "message-received") void qc.invalidateQueries({ queryKey: unreadKey });
      if (e.fanUuid) {
        // A message already shown needs no immediate call; it is re-read later.
        void qc.invalidateQueries({
          queryKey: chatKeys.conversation(e.creatorId, e.fanUuid),
          refetchType: shown ? "none" : "active",
        });
        if (e.type !== "message-received" && e.type !== "message-read")
          void qc.invalidateQueries({ queryKey: fanKeys.panel(e.creatorId, e.fanUuid) });
      }
      if (e.type === "purchase-received" || e.type === "tip-received")
        void qc.invalidateQueries({ queryKey: massKeys.all(e.creatorId) });
      // Money: today's figures move now (provisional until the ledger's sync confirms them).
      if (e.type === "purchase-received" || e.type === "tip-received" || e.type === "new-subscriber") {
        void qc.invalidateQueries(earningsReportsFilter({ kind: "creator", id: e.creatorId }));
        void qc.invalidateQueries(earningsReportsFilter({ kind: "workspace", id: workspaceId }));
      }
      const t = toastFor(e);
      const who = creatorNames?.[e.creatorId];
      if (t) push({ ...t, body: [who ? `for ${who}` : null, t.body].filter(Boolean).join(" · ") || undefined });
    },
    [qc, push, workspaceId, creatorNames],
  );
  const { status, receiving, refused, revoked } = useLiveStream(workspaceId, onEvent);
  const value = useMemo<LiveCtx>(
    () => ({ status, refused, revoked, pollMs: (what) => pollInterval(status, receiving, what) }),
    [status, receiving, refused, revoked],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

const DOT: Record<LiveStatus | "reauth", string> = {
  live: "bg-brand-500",
  polling: "bg-amber-400",
  refused: "bg-red-500",
  revoked: "bg-zinc-400",
  connecting: "bg-zinc-300",
  reauth: "bg-amber-500",
};

/** Fanvue's sign-in has ended (a token refresh failed): whatever our own
 * stream says, nothing from Fanvue is live, so the badge says so. */
export const REAUTH_LABEL = {
  text: "Reconnect Fanvue: updates paused",
  title:
    "Fanvue no longer accepts this workspace's sign-in, so new messages and changes cannot be read. What is shown is the last copy; reconnect Fanvue (banner above) to resume.",
};

/** The inbox's live indicator; `reauth` (the inbox's answer said Fanvue needs a new sign-in) wins over the stream. */
export function LiveBadge({ reauth = false }: { reauth?: boolean }) {
  const live = useLive();
  const { text, title } = reauth ? REAUTH_LABEL : liveLabel(live);
  const status = reauth ? "reauth" : live.status;
  const warn = live.status === "refused" || reauth;
  return (
    <span
      className={`inline-flex items-start gap-1.5 text-xs ${warn ? `font-medium ${reauth ? "text-amber-800" : "text-red-700"}` : "text-muted"}`}
      data-testid="live-status"
      data-status={status}
      title={title}
      role={warn ? "status" : undefined}
    >
      <span className={`mt-1 size-2 shrink-0 rounded-full ${DOT[status]}`} aria-hidden="true" />
      <span>{text}</span>
    </span>
  );
}
