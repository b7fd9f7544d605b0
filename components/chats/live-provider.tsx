"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { chatKeys } from "@/lib/queries/chats";
import { fanKeys } from "@/lib/queries/fans";
import { useLiveStream, type LiveStatus } from "@/lib/queries/live";
import { massKeys } from "@/lib/queries/mass-messages";
import type { LiveEvent } from "@/lib/schemas/live";
import { formatMoney } from "@/lib/utils/format";
import { applyNewMessage } from "./live-apply";
import { useToasts } from "./toaster";

// Live updates for the pages of this feature: each pushed event refreshes
// what it changes (inbox, conversation, fan panel, campaign results) and
// tips, purchases and new subscribers show as toasts. Without webhooks the
// same queries poll instead, within the rate budget (see `pollMs`).

type LiveCtx = { status: LiveStatus; pollMs: (what: "inbox" | "conversation") => number | false };
const Ctx = createContext<LiveCtx>({ status: "connecting", pollMs: () => false });
export const useLive = () => useContext(Ctx);

// Fallback polling, per open tab: inbox 3 calls (list, presence, unread) every
// 20 s + conversation 1 call every 10 s ≈ 15 calls/min of Fanvue's 200/min.
// With webhooks a slow safety poll catches anything a lost delivery missed.
const POLL = { inbox: { live: 120_000, fallback: 20_000 }, conversation: { live: false as const, fallback: 10_000 } };

/** Pushed updates are trusted once one has arrived; until then (no webhooks,
 * a reconnecting stream, or webhooks Fanvue cannot reach) the views poll. */
export const pollInterval = (status: LiveStatus, receiving: boolean, what: keyof typeof POLL): number | false =>
  status === "live" && receiving ? POLL[what].live : POLL[what].fallback;

const fanLabel = (e: LiveEvent) => e.fan?.displayName || (e.fan?.handle ? `@${e.fan.handle}` : "a fan");

function toastFor(e: LiveEvent) {
  const amount = e.amount !== null ? formatMoney(e.amount) : null;
  if (e.type === "tip-received") return { title: `Tip${amount ? ` ${amount}` : ""} from ${fanLabel(e)}`, body: e.text ?? undefined, tone: "success" as const };
  if (e.type === "purchase-received") return { title: `Purchase${amount ? ` ${amount}` : ""} by ${fanLabel(e)}`, tone: "success" as const };
  if (e.type === "new-subscriber") return { title: `New subscriber: ${fanLabel(e)}`, body: amount ? `${amount} subscription` : undefined, tone: "success" as const };
  return null;
}

export function LiveProvider({ workspaceId, creatorNames, children }: { workspaceId: string; creatorNames?: Record<string, string>; children: ReactNode }) {
  const qc = useQueryClient();
  const { push } = useToasts();
  const onEvent = useCallback(
    (e: LiveEvent) => {
      const shown = e.type === "message-received" && applyNewMessage(qc, e);
      // The list is re-read for its order (the row is already updated).
      void qc.invalidateQueries({ queryKey: chatKeys.inboxes(e.creatorId) });
      void qc.invalidateQueries({ queryKey: chatKeys.team(workspaceId) });
      if (e.fanUuid) {
        // A message already shown needs no immediate call; it is re-read later.
        void qc.invalidateQueries({ queryKey: chatKeys.conversation(e.creatorId, e.fanUuid), refetchType: shown ? "none" : "active" });
        if (e.type !== "message-received" && e.type !== "message-read") void qc.invalidateQueries({ queryKey: fanKeys.panel(e.creatorId, e.fanUuid) });
      }
      if (e.type === "purchase-received" || e.type === "tip-received") void qc.invalidateQueries({ queryKey: massKeys.all(e.creatorId) });
      const t = toastFor(e);
      const who = creatorNames?.[e.creatorId];
      if (t) push({ ...t, body: [who ? `for ${who}` : null, t.body].filter(Boolean).join(" · ") || undefined });
    },
    [qc, push, workspaceId, creatorNames],
  );
  const { status, receiving } = useLiveStream(workspaceId, onEvent);
  const value = useMemo<LiveCtx>(() => ({ status, pollMs: (what) => pollInterval(status, receiving, what) }), [status, receiving]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function LiveBadge() {
  const { status } = useLive();
  const label = status === "live" ? "Live" : status === "polling" ? "Updates every 20 s" : "Connecting…";
  return (
    <span className="inline-flex items-center gap-1.5 text-xs text-muted" data-testid="live-status" data-status={status} title={status === "polling" ? "No Fanvue webhooks: checking for new messages regularly" : undefined}>
      <span className={`size-2 rounded-full ${status === "live" ? "bg-brand-500" : status === "polling" ? "bg-amber-400" : "bg-zinc-300"}`} aria-hidden="true" />
      {label}
    </span>
  );
}
