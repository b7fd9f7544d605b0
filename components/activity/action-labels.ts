import { formatMoney } from "@/lib/utils/format";

// Human wording for audit actions; unknown actions show as recorded.
export const ACTION_LABELS: Record<string, string> = {
  "workspace.create": "created the workspace",
  "invite.create": "created an invite link",
  "invite.accept": "joined through an invite",
  "invite.revoke": "revoked an invite",
  "member.update": "changed a member's role or creators",
  "member.remove": "removed a member",
  "creators.sync": "re-synced the creator list",
  "connection.disconnect": "disconnected Fanvue (stored tokens deleted)",
  "earnings.export": "exported earnings",
  "data.export": "exported all data (zip)",
  "data.delete": "deleted stored data",
  "performance.export": "exported the performance leaderboard",
  "sale.reassign": "credited a sale to another member",
  "shift.clock_in": "clocked in",
  "shift.clock_out": "clocked out",
  "shift.correct": "corrected a shift",
  "shift.settings": "changed the shift idle time",
  "payout.rule": "set a member's pay rule",
  "payout.export": "exported a payout statement",
  "payout.pay": "marked a payout statement paid",
  "agency_share.set": "set the agency's share",
  "automation.create": "created an automation",
  "automation.update": "edited an automation",
  "automation.delete": "deleted an automation",
  "automation.status": "paused or resumed an automation",
  "agency_share.export": "exported the agency share statement",
  "best_times.export": "exported the best times",
  "retention.export": "exported the retention table",
  "cohort_value.export": "exported the cohort value table",
  "subscriber_trends.export": "exported the subscriber trends",
  "tracking_link.create": "created a tracking link",
  "tracking_link.delete": "deleted a tracking link",
  "tracking_link.cost": "set a tracking link's promo cost",
  "tracking_links.sync": "re-synced the tracking links",
  "tracking_links.export": "exported the tracking links",
  "fan.insights.view": "viewed a fan's spending",
  "fan.note.add": "added a fan note",
  "fan.note.edit": "edited a fan note",
  "fan.note.delete": "deleted a fan note",
  // Recorded before add/edit/delete were told apart.
  "fan.note": "changed a fan note",
  "fan.tag": "changed a fan's tags",
  "fan.segment": "saved or deleted a fan segment",
  "fans.analysis.start": "started an audience analysis",
  "fans.analysis.cancel": "cancelled an audience analysis",
  "fans.roster.sync": "re-synced the fan roster",
  "message.send": "sent a message",
  "message.unsend": "unsent a message",
  "mass.send": "sent a mass message",
  "post.create": "created a post",
  "post.update": "edited a post",
  "post.publish_now": "published a scheduled post now",
  "post.cancel": "cancelled a scheduled post",
  "chat.update": "changed a chat (read, mute or nickname)",
  "chat.claim": "claimed a chat",
  "chat.release": "released a chat",
  "chat.assign": "assigned a chat to a member",
  "list.create": "created a custom list",
  "list.rename": "renamed a custom list",
  "list.delete": "deleted a custom list",
  "list.members.add": "added fans to a list",
  "list.members.remove": "removed a fan from a list",
  "mass.update": "checked, resent or unsent a mass message",
  "mass.cancel": "cancelled a mass message",
  "media.upload": "uploaded media",
  "vault.folder.create": "created a vault folder",
  "vault.folder.rename": "renamed a vault folder",
  "vault.folder.delete": "deleted a vault folder",
  "vault.folder.add": "added media to a folder",
  "vault.folder.remove": "removed media from a folder",
};

const str = (v: unknown) => (typeof v === "string" && v ? v : null);
const cents = (v: unknown) => (typeof v === "number" && Number.isInteger(v) ? v : null);

/** The entry in words, with what the details say (a price, a fan, a reason) where the action has them. */
export function auditSentence(action: string, details: unknown): string {
  const d = (details && typeof details === "object" ? details : {}) as Record<string, unknown>;
  const fan = str(d.fanHandle) ? ` to @${str(d.fanHandle)}` : "";
  if (action === "message.send") {
    const price = cents(d.price);
    return price !== null ? `sent a ${formatMoney(price)} PPV${fan}` : `sent a message${fan}`;
  }
  if (action === "chat.claim" && str(d.from)) return `took over a chat from ${str(d.from)}`;
  if (action === "chat.assign" && str(d.to)) return `assigned a chat to ${str(d.to)}`;
  if (action === "sale.reassign") {
    const amount = cents(d.gross);
    const what = amount !== null ? `a ${formatMoney(amount)} sale` : "a sale";
    return `credited ${what} from ${str(d.from) ?? "nobody"} to ${str(d.to) ?? "nobody"}${str(d.reason) ? `: “${str(d.reason)}”` : ""}`;
  }
  if (action === "payout.pay") {
    const amount = cents(d.total);
    const who = str(d.member) ? ` for ${str(d.member)}` : "";
    return `marked ${amount !== null ? `a ${formatMoney(amount)} statement` : "a statement"} paid${who}`;
  }
  if (action === "tracking_link.cost") {
    const amount = cents(d.cost);
    const link = str(d.name) ? ` “${str(d.name)}”` : "";
    return amount !== null
      ? `set the promo cost of link${link} to ${formatMoney(amount)}`
      : `cleared the promo cost of link${link}`;
  }
  if (action === "shift.correct") {
    return `corrected ${str(d.member) ? `${str(d.member)}'s` : "a"} shift${str(d.reason) ? `: “${str(d.reason)}”` : ""}`;
  }
  return ACTION_LABELS[action] ?? action;
}

export const ACTION_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All activity" },
  { value: "message.", label: "Messages" },
  { value: "mass.", label: "Mass messages" },
  { value: "list.", label: "Lists" },
  { value: "post.", label: "Posts" },
  { value: "vault.", label: "Vault folders" },
  { value: "tracking_link", label: "Tracking links" },
  { value: "media.", label: "Uploads" },
  { value: "fan.", label: "Fan data" },
  { value: "earnings.", label: "Exports" },
  { value: "sale.", label: "Sales credited" },
  { value: "shift.", label: "Shifts" },
  { value: "payout.", label: "Payouts" },
  { value: "chat.", label: "Chats (claims, read, mute)" },
  { value: "invite.", label: "Invites" },
  { value: "member.", label: "Team changes" },
];
