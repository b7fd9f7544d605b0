export const ROLE_LABEL = { owner: "Owner", manager: "Manager", chatter: "Chatter", viewer: "Viewer" } as const;
export const ROLE_HELP = {
  manager: "All creator data and actions; no team or connection changes.",
  chatter: "Chats, the fan panel and sends. No earnings totals, payouts or exports.",
  viewer: "Read-only, including earnings and exports.",
} as const;
