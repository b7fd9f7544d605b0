import type { CampaignStatus, ListRefsInput, ListsView } from "@/lib/schemas/mass-messages";

export const STATUS: Record<CampaignStatus, { label: string; tone: "neutral" | "brand" | "warning" | "danger" | "info" }> = {
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

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—");

/** The viewer's zone, for the schedule field ("Europe/Paris"). */
export const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `<input type="datetime-local">` value (viewer's zone) → ISO instant. */
export function localInputToIso(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** A datetime-local value `minutes` from now, in the viewer's zone. */
export function localInputIn(minutes: number, now = new Date()) {
  const d = new Date(now.getTime() + minutes * 60_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : "—");
