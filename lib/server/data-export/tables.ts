import "server-only";

// The tables a full export holds, in dependency order (an import inserts them
// in this order, a delete removes them in reverse). docs/export-schema.md
// describes every file; a table or column added here goes there too, and a
// change that an older importer cannot read bumps FORMAT_VERSION.

/** Version of the export format (docs/export-schema.md "Versions"). */
export const FORMAT_VERSION = 1;

/** What is exported: a whole workspace, or one of its creators. */
export type ExportScope = { workspaceId: string; creatorId?: string };
/** The scope resolved: the creators it covers and their campaigns. */
export type ResolvedScope = ExportScope & { creatorIds: string[]; campaignIds: string[] };

type Where = Record<string, unknown>;

export type TableSpec = {
  /** Prisma model name; the file is `<model>.jsonl`. */
  model: string;
  /** Prisma client property (the model's delegate). */
  delegate: string;
  /** Primary key fields, in order: the keyset the export pages along. */
  key: string[];
  /** Rows of the scope. */
  where: (s: ResolvedScope) => Where;
  /** Only in a workspace export (team, shifts, pay: not one creator's). */
  workspaceOnly?: boolean;
  /** Columns never exported (secrets): see the doc. */
  omit?: string[];
  /** Nullable Json columns (null is written back as SQL NULL). */
  nullableJson?: string[];
  /** BigInt columns (written as strings: JSON numbers lose precision). */
  bigint?: string[];
  /** Fills what the export left out so the row can be inserted again. */
  restore?: (row: Record<string, unknown>) => Record<string, unknown>;
};

const byCreator = (s: ResolvedScope): Where => ({ creatorId: { in: s.creatorIds } });
const byWorkspace = (s: ResolvedScope): Where => ({ workspaceId: s.workspaceId });
const byMember = (s: ResolvedScope): Where => ({ memberships: { some: { workspaceId: s.workspaceId } } });
/** Workspace rows that name a creator: in a creator export, only that creator's. */
const byWorkspaceAndCreator = (s: ResolvedScope): Where =>
  s.creatorId ? { workspaceId: s.workspaceId, creatorId: s.creatorId } : byWorkspace(s);

const creatorTable = (model: string, key: string[], extra: Partial<TableSpec> = {}): TableSpec => ({
  model,
  delegate: model.charAt(0).toLowerCase() + model.slice(1),
  key,
  where: byCreator,
  ...extra,
});

export const TABLES: readonly TableSpec[] = [
  // Identity: the members' user rows and sign-in links (no sessions, no tokens).
  { model: "User", delegate: "user", key: ["id"], where: byMember },
  { model: "Account", delegate: "account", key: ["id"], where: (s) => ({ user: byMember(s) }) },
  {
    model: "FanvueConnection",
    delegate: "fanvueConnection",
    key: ["id"],
    where: (s) => ({ workspace: { id: s.workspaceId } }),
    // The encrypted tokens stay behind: a restored workspace signs in to Fanvue again.
    omit: ["accessTokenCipher", "refreshTokenCipher"],
    restore: (r) => ({
      ...r,
      accessTokenCipher: "",
      refreshTokenCipher: null,
      tokenVersion: 0,
      status: "needs_reauth",
      statusReason: "Restored from an export: sign in with Fanvue again.",
    }),
  },
  { model: "Workspace", delegate: "workspace", key: ["id"], where: (s) => ({ id: s.workspaceId }) },
  {
    model: "Creator",
    delegate: "creator",
    key: ["id"],
    where: (s) => ({ workspaceId: s.workspaceId, id: { in: s.creatorIds } }),
  },
  { model: "Membership", delegate: "membership", key: ["id"], where: byWorkspace },
  {
    model: "MembershipCreator",
    delegate: "membershipCreator",
    key: ["membershipId", "creatorId"],
    where: (s) => ({ membership: { workspaceId: s.workspaceId }, creatorId: { in: s.creatorIds } }),
  },
  { model: "AuditEvent", delegate: "auditEvent", key: ["id"], where: byWorkspaceAndCreator, nullableJson: ["details"] },
  { model: "ShiftSettings", delegate: "shiftSettings", key: ["workspaceId"], where: byWorkspace, workspaceOnly: true },
  { model: "Shift", delegate: "shift", key: ["id"], where: byWorkspace, workspaceOnly: true },
  {
    model: "CommissionRule",
    delegate: "commissionRule",
    key: ["workspaceId", "userId"],
    where: byWorkspace,
    workspaceOnly: true,
  },
  { model: "PayoutStatement", delegate: "payoutStatement", key: ["id"], where: byWorkspace, workspaceOnly: true },
  creatorTable("AgencyShare", ["creatorId"]),
  // The ledger.
  creatorTable("EarningRow", ["id"]),
  creatorTable("SpendingRow", ["id"]),
  creatorTable("SyncState", ["creatorId", "stream"], { bigint: ["expectedGross", "grossDone"] }),
  // Fans.
  creatorTable("AudienceFan", ["creatorId", "fanUuid"]),
  // The lease columns are one process's claim on a fetch, meaningless elsewhere.
  creatorTable("FanInsight", ["creatorId", "fanUuid"], {
    nullableJson: ["sources"],
    omit: ["leaseOwner", "leaseUntil"],
  }),
  creatorTable("FanNote", ["id"]),
  creatorTable("FanTag", ["creatorId", "fanUuid", "tag"]),
  creatorTable("FanSegment", ["id"]),
  creatorTable("SubscriberDay", ["creatorId", "day"]),
  // Chats and campaigns sent through Vuedeck, and who sold what.
  creatorTable("ChatSend", ["id"]),
  creatorTable("ChatWaiting", ["creatorId", "fanUuid"]),
  creatorTable("MassCampaign", ["id"]),
  {
    model: "MassCampaignFan",
    delegate: "massCampaignFan",
    key: ["campaignId", "fanUuid"],
    // No relation is declared (chats.prisma stays self-contained): the
    // campaigns' ids are looked up with the scope (resolveScope).
    where: (s) => ({ campaignId: { in: s.campaignIds } }),
  },
  creatorTable("SaleAttribution", ["earningRowId"]),
  creatorTable("Automation", ["id"]),
  creatorTable("AutomationRun", ["id"]),
  creatorTable("PostDraft", ["id"]),
  creatorTable("PostRecord", ["id"]),
  creatorTable("TrackingLink", ["creatorId", "uuid"]),
  creatorTable("TrackingLinkFan", ["creatorId", "linkUuid", "fanUuid"]),
];

/** The tables of a scope: a creator export leaves the workspace's team-wide tables out. */
export const tablesFor = (s: ExportScope) => TABLES.filter((t) => !(s.creatorId && t.workspaceOnly));

/** Caches and sync state a delete also clears (Fanvue's copy is fetched again;
 * nothing here is exported: see the doc). Creator-scoped. */
export const DELETE_ALSO = [
  "fanRoster",
  "audienceAnalysis",
  "trackingLinkSync",
  "mirrorChat",
  "mirrorChatSync",
  "mirrorListMember",
  "mirrorListSync",
  "chatClaim",
  "chatPresence",
] as const;

/** Tables a delete keeps: who the workspace is and who works in it. */
export const KEPT_BY_DELETE = new Set([
  "User",
  "Account",
  "FanvueConnection",
  "Workspace",
  "Creator",
  "Membership",
  "MembershipCreator",
]);
