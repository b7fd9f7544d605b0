import "server-only";
import { createHash } from "node:crypto";
import type { FanvueEarningRow, FanvueSpendingRow } from "@/lib/server/fanvue/resources/insights";

// Fanvue rows → ledger rows. The dedupe key makes a re-fetched page (a resumed
// or overlapping sync) a no-op: Fanvue's order id when present, else a hash of
// everything that identifies the row.

const hash = (parts: (string | number | null | undefined)[]) =>
  "h:" +
  createHash("sha256")
    .update(parts.map((p) => String(p ?? "")).join("\u0000"))
    .digest("hex")
    .slice(0, 40);

export function toEarningRow(creatorId: string, r: FanvueEarningRow) {
  return {
    creatorId,
    dedupeKey: r.transactionOrderId
      ? `o:${r.transactionOrderId}`
      : hash([r.date, r.gross, r.net, r.source, r.user?.uuid, r.messageUuid, r.postUuid]),
    occurredAt: new Date(r.date),
    gross: r.gross,
    net: r.net,
    currency: r.currency ?? "USD",
    source: r.source,
    fanUuid: r.user?.uuid ?? null,
    fanHandle: r.user?.handle ?? null,
    fanName: r.user?.displayName ?? null,
    messageUuid: r.messageUuid,
    postUuid: r.postUuid,
    orderId: r.transactionOrderId,
    orderStatus: r.transactionOrderStatus,
  };
}

export function toSpendingRow(creatorId: string, r: FanvueSpendingRow) {
  return {
    creatorId,
    dedupeKey: hash([r.date, r.gross, r.net, r.source, r.user?.uuid, r.messageUuid, r.postUuid]),
    occurredAt: new Date(r.date),
    gross: r.gross,
    net: r.net,
    source: r.source,
    fanUuid: r.user?.uuid ?? null,
    reversedOrderId: null,
  };
}
