export const ROLE_LABEL = {
  owner: "Owner",
  manager: "Manager",
  chatter: "Chatter",
  viewer: "Viewer",
  creator: "Creator (read-only)",
} as const;
export const ROLE_HELP = {
  manager: "All creator data and actions; no team or connection changes.",
  chatter: "Chats, the fan panel and sends. No earnings totals, payouts or exports.",
  viewer: "Read-only, including earnings and exports.",
  creator:
    "For the creator of one account the agency runs: read-only over that account, with what was sent and sold on their behalf, by whom, and who viewed their fans' spending.",
} as const;

/** The roles staff can be given, in the order the forms list them. */
export const STAFF_ROLES = ["manager", "chatter", "viewer", "creator"] as const;
