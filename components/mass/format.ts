import type { CampaignStatus, ListRefsInput, ListsView } from "@/lib/schemas/mass-messages";

export const STATUS: Record<
  CampaignStatus,
  { label: string; tone: "neutral" | "brand" | "warning" | "danger" | "info" }
> = {
  queued: { label: "Queued", tone: "info" },
  preparing: { label: "Preparing", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "brand" },
  scheduled: { label: "Scheduled", tone: "info" },
  failed: { label: "Failed", tone: "danger" },
  unknown: { label: "State unknown — check", tone: "warning" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  unsent: { label: "Unsent", tone: "neutral" },
  moderated: { label: "Held by Fanvue's moderation", tone: "danger" },
};

/** "Subscribers, VIP" from list ids, with names when known. */
export function listNames(refs: ListRefsInput | null, lists: ListsView | undefined) {
  if (!refs) return "Fanvue does not say which lists";
  const smart = refs.smart.map((id) => lists?.smart.find((l) => l.id === id)?.name ?? id.replace(/_/g, " "));
  const custom = refs.custom.map((u) => lists?.custom.find((l) => l.uuid === u)?.name ?? "a deleted list");
  return [...smart, ...custom].join(", ");
}

export const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : "—");
