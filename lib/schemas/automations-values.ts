// The automations values client code needs at run time, without zod (./automations.ts, the
// schemas, re-exports them): client bundles stay free of the schema library.

export const EVENT_TRIGGERS = ["new_subscriber", "new_follower", "tip_above", "first_purchase"] as const;

/** Checked on a schedule against what Vuedeck keeps (fan insights, the ledger), not fired by a webhook. */
export const SCHEDULED_TRIGGERS = ["renewal_off", "expired", "quiet_spender", "unanswered"] as const;

export const TRIGGERS = [...EVENT_TRIGGERS, ...SCHEDULED_TRIGGERS] as const;

export type Trigger = (typeof TRIGGERS)[number];

export const isScheduled = (t: string) => (SCHEDULED_TRIGGERS as readonly string[]).includes(t);

export const TRIGGER_LABELS: Record<Trigger, string> = {
  new_subscriber: "New subscriber",
  new_follower: "New follower",
  tip_above: "Tip above an amount",
  first_purchase: "First purchase",
  renewal_off: "Subscription ending soon, auto-renew off",
  expired: "Subscription expired a while ago",
  quiet_spender: "A big spender has gone quiet",
  unanswered: "A fan's message is unanswered (alert the team)",
};

export const RUN_STATUSES = [
  "pending",
  "sending",
  "sent",
  "failed",
  "unknown",
  "skipped",
  "held_out",
  "dry_run",
] as const;
