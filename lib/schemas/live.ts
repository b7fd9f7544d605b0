// Live updates pushed to open browsers (server-sent events).

export type LiveEventType =
  | "message-received"
  | "message-read"
  | "new-follower"
  | "new-subscriber"
  | "purchase-received"
  | "tip-received"
  /** Vuedeck's own: an automation alerting the team (a fan waiting for an answer). */
  | "automation-alert"
  | "unknown";

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
  message: {
    uuid: string;
    text: string | null;
    mediaUuids: string[];
    price: number | null;
    createdAt: string | null;
  } | null;
  at: string;
};

/** Fanvue's deliveries are being refused although correctly signed: their
 * timestamps are off this server's clock by `skewSec` (this server's time
 * minus the signature's; positive: our clock is ahead) beyond the tolerance. */
export type WebhookRefusalState = { reason: "clock_skew"; skewSec: number; at: string };

/** `webhooks`: a signing secret is configured; `receiving`: events for the
 * member's creators arrived lately (a configured app Fanvue cannot reach
 * would not send any); `lastEventAt`/`lastSeq`: the member's creators' last
 * event; `refused`: deliveries are being refused (the server's state). */
export type LiveHello = {
  webhooks: boolean;
  receiving: boolean;
  lastEventAt: string | null;
  lastSeq: number;
  refused: WebhookRefusalState | null;
};

/** Sent when the webhook state changes while a stream is open. */
export type LiveHealth = { refused: WebhookRefusalState | null };

/** The last message of a stream whose access ended: the browser stops
 * reconnecting. `signed_out`: the session ended or expired; `no_access`: the
 * membership (or its permission to read chats) is gone. */
export type LiveRevoked = { reason: "signed_out" | "no_access" };
