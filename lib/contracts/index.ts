import type { RouteContract } from "./contract";
import * as account from "./account";
import * as automations from "./automations";
import * as chatClaims from "./chat-claims";
import * as chats from "./chats";
import * as dataExport from "./data-export";
import * as earnings from "./earnings";
import * as fans from "./fans";
import * as growth from "./growth";
import * as lists from "./lists";
import * as massMessages from "./mass-messages";
import * as media from "./media";
import * as overview from "./overview";
import * as payouts from "./payouts";
import * as performance from "./performance";
import * as posts from "./posts";
import * as settings from "./settings";
import * as push from "./push";
import * as subscriberTrends from "./subscriber-trends";
import * as trackingLinks from "./tracking-links";
import * as workspaces from "./workspaces";

// Every route contract, for the tests that must see all routes (the access
// matrix, the fuzz run, the registry check). A new contract module is added here.
export const CONTRACT_MODULES: Record<string, Record<string, unknown>> = {
  account,
  automations,
  chatClaims,
  chats,
  dataExport,
  earnings,
  fans,
  growth,
  lists,
  massMessages,
  media,
  overview,
  payouts,
  performance,
  posts,
  settings,
  push,
  subscriberTrends,
  trackingLinks,
  workspaces,
};

const isContract = (v: unknown): v is RouteContract =>
  typeof v === "object" &&
  v !== null &&
  "method" in v &&
  "path" in v &&
  "access" in v &&
  typeof (v as { path: unknown }).path === "string";

export const ROUTES: RouteContract[] = Object.values(CONTRACT_MODULES).flatMap((m) =>
  Object.values(m).filter(isContract),
);
