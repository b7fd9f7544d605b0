// Live updates pushed to open browsers (server-sent events).

export type LiveEventType = "message-received" | "message-read" | "new-follower" | "new-subscriber" | "purchase-received" | "tip-received" | "unknown";

export type LiveEvent = {
  seq: number;
  type: LiveEventType;
  /** Our creator id (resolved per workspace from Fanvue's recipientUuid). */
  creatorId: string;
  fanUuid: string | null;
  fan: { uuid: string; handle: string | null; displayName: string | null } | null;
  /** Cents (tips, purchases, subscriptions). */
  amount: number | null;
  text: string | null;
  messageUuid: string | null;
  /** A new message as Fanvue announced it: shown at once, without a call. */
  message: { uuid: string; text: string | null; mediaUuids: string[]; price: number | null; createdAt: string | null } | null;
  at: string;
};

/** `webhooks`: a signing secret is configured; `receiving`: events actually
 * arrived lately (a configured app Fanvue cannot reach would not send any). */
export type LiveHello = { webhooks: boolean; receiving: boolean; lastEventAt: string | null; lastSeq: number };
