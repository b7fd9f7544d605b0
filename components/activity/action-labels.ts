// Human wording for audit actions; unknown actions show as recorded.
export const ACTION_LABELS: Record<string, string> = {
  "workspace.create": "created the workspace",
  "invite.create": "created an invite link",
  "invite.accept": "joined through an invite",
  "invite.revoke": "revoked an invite",
  "member.update": "changed a member's role or creators",
  "member.remove": "removed a member",
  "creators.sync": "re-synced the creator list",
  "earnings.export": "exported earnings",
  "fan.insights.view": "viewed a fan's spending",
  "fan.note": "edited a fan note",
  "fan.tag": "changed a fan's tags",
  "message.send": "sent a message",
  "mass.send": "sent a mass message",
  "post.create": "created a post",
  "post.update": "edited a post",
};

export const ACTION_FILTERS: { value: string; label: string }[] = [
  { value: "", label: "All activity" },
  { value: "message.", label: "Messages" },
  { value: "mass.", label: "Mass messages" },
  { value: "post.", label: "Posts" },
  { value: "fan.", label: "Fan data" },
  { value: "earnings.", label: "Exports" },
  { value: "invite.", label: "Invites" },
  { value: "member.", label: "Team changes" },
];
