"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { ErrorState } from "@/components/ui/error-state";
import { Select } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { useFormat } from "@/components/viewer/viewer";
import { useSends, type PerformanceParams } from "@/lib/queries/performance";
import type { MemberSend, SendKind } from "@/lib/schemas/performance";
import { formatCount, formatMoney } from "@/lib/utils/format";
import { formatDuration } from "@/lib/utils/time";

export const KIND_LABEL: Record<SendKind, string> = {
  all: "All messages",
  ppv: "PPVs sent",
  unlocked: "PPVs bought",
  replies: "First replies",
};

/** The messages behind a member's figures, newest first, each opening its chat. */
export function SendsPanel(p: {
  workspaceId: string;
  query: PerformanceParams;
  member: string;
  kind: SendKind;
  onKind: (kind: SendKind) => void;
}) {
  const q = useSends(p.workspaceId, { ...p.query, member: p.member, kind: p.kind }, true);
  return (
    <div className="flex flex-col gap-3">
      <label className="flex items-center justify-between gap-3 text-sm">
        <span className="text-muted">Show</span>
        <Select
          value={p.kind}
          onChange={(e) => p.onKind(e.target.value as SendKind)}
          aria-label="Which messages"
          data-testid="sends-kind"
        >
          {Object.entries(KIND_LABEL).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </Select>
      </label>
      {q.isPending ? <Skeleton className="h-40 rounded-xl" /> : null}
      {q.isError ? <ErrorState error={q.error} onRetry={() => void q.refetch()} what="the messages" /> : null}
      {q.data ? (
        <>
          <p className="text-xs text-muted" data-testid="sends-total">
            {KIND_LABEL[p.kind]}: {formatCount(q.data.total)} in this range
          </p>
          <ol className="flex flex-col divide-y divide-line rounded-xl border border-line" data-testid="sends-list">
            {q.data.sends.map((s) => (
              <SendItem key={s.id} send={s} />
            ))}
          </ol>
          {q.data.total > q.data.sends.length ? (
            <p className="text-xs text-muted">
              The newest {formatCount(q.data.sends.length)} of {formatCount(q.data.total)}.
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}

function SendItem({ send: s }: { send: MemberSend }) {
  const f = useFormat();
  const fan = s.fan.name ?? (s.fan.handle ? `@${s.fan.handle}` : "A fan");
  const chat = `/c/${s.creator.id}/chats?chat=${encodeURIComponent(s.fan.uuid)}`;
  return (
    <li className="flex flex-col gap-1 px-4 py-3 text-sm" data-testid="send">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <Link href={chat} className="truncate font-medium hover:underline" data-testid="send-chat-link">
            {fan}
          </Link>
          <p className="text-xs text-muted">
            {f.dateTime(s.sentAt)} · {s.creator.displayName}
            {s.replyMs !== null ? ` · answered after ${formatDuration(s.replyMs)}` : ""}
          </p>
        </div>
        {s.price !== null ? (
          <div className="flex shrink-0 flex-col items-end gap-1">
            <span className="tabular font-semibold">{formatMoney(s.price)}</span>
            <Badge tone={s.unlocked ? "brand" : "neutral"}>{s.unlocked ? "Bought" : "Not bought"}</Badge>
          </div>
        ) : null}
      </div>
      {s.text ? <p className="line-clamp-2 text-muted">{s.text}</p> : null}
      {s.mediaCount > 0 ? (
        <p className="text-xs text-muted">
          {formatCount(s.mediaCount)} media {s.mediaCount === 1 ? "item" : "items"}
        </p>
      ) : null}
    </li>
  );
}
