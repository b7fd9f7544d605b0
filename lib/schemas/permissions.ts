// The role table: what each role may do. Enforced on the server by apiRoute()
// (and page loaders); used by the UI only to hide what would be refused.
// README "Roles" documents it in words; tests/e2e check it route by route.

export const ROLES = ["owner", "manager", "chatter", "viewer", "creator"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "workspace:read": "See the workspace and its creators",
  "overview:read": "See a creator's overview (audience, unread chats)",
  "earnings:read": "See earnings totals, charts and top spenders",
  "earnings:export": "Export earnings (CSV)",
  "fans:read": "See subscribers, followers and the fan panel",
  "fans:write": "Edit fan notes, tags and custom lists",
  "chats:read": "Read chats",
  "chats:send": "Send messages (incl. PPV) and manage chats",
  "chats:assign": "Assign a chat to a member, or take over someone's claim",
  "mass:send": "Send and schedule mass messages",
  "posts:read": "See posts and the queue",
  "posts:write": "Create, schedule and edit posts",
  "vault:read": "Browse the media vault",
  "vault:write": "Upload media and manage folders",
  "sales:reassign": "Credit a chat sale to another member (with a reason)",
  "payouts:read": "See payout statements and shifts (a chatter: only their own)",
  "payouts:manage": "Set pay rules, correct shifts, mark statements paid",
  "audit:read": "See the activity log",
  "team:manage": "Invite, change and remove team members",
  "connection:manage": "Reconnect or disconnect Fanvue, remove creators",
  "data:export": "Export all of the workspace's or a creator's data (zip)",
  "data:delete": "Delete a creator's or the workspace's stored data",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];
const OWNER_ONLY: Permission[] = ["team:manage", "connection:manage", "data:export", "data:delete"];
const READ: Permission[] = [
  "workspace:read",
  "overview:read",
  "earnings:read",
  "earnings:export",
  "fans:read",
  "chats:read",
  "posts:read",
  "vault:read",
  "payouts:read",
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: ALL,
  // Everything about creators; nothing about the team or the connection, and
  // not the workspace's whole data (taking it all out or deleting it).
  manager: ALL.filter((p) => !OWNER_ONLY.includes(p)),
  // The inbox and what it needs: fans, the vault to attach media, sends.
  // No earnings totals, payouts or exports.
  chatter: [
    "workspace:read",
    "overview:read",
    "fans:read",
    "fans:write",
    "chats:read",
    "chats:send",
    "vault:read",
    // Their own statement and shifts only (lib/server/payouts/scope.ts).
    "payouts:read",
  ],
  // Read-only, including earnings and their export (an accountant's seat).
  viewer: READ,
  // The creator of an agency-run account, over that one account (team.ts
  // enforces the scope): everything a viewer reads, plus the activity log of
  // their account: what was sent on their behalf, by whom, for what price,
  // and who looked at their fans' spending.
  // Pay and shifts are the agency's staff matters, not theirs.
  creator: [...READ.filter((p) => p !== "payouts:read"), "audit:read"],
};

export const can = (role: Role, permission: Permission) => ROLE_PERMISSIONS[role].includes(permission);
