// Route specs shared by the chat modules (§5.2–5.5 scopes and their §6 agency
// mirrors), and the wrapper that delivers due scheduled broadcasts first.
import type { Sandbox } from "../state";
import { processDueMassMessages } from "./mass-messages-delivery";
import type { ApiCtx, RouteSpec } from "./registry";

export const CHAT_READ: RouteSpec = { scopes: ["read:chat"], subject: "creator", agencyScopes: ["read:chat", "read:creator"] };
export const CHAT_WRITE: RouteSpec = { scopes: ["write:chat"], subject: "creator", agencyScopes: ["write:chat", "read:creator"] };
/** Lists expose fans, so reads also need read:fan (§5.5, §6). */
export const LIST_READ: RouteSpec = { scopes: ["read:chat", "read:fan"], subject: "creator", agencyScopes: ["read:creator", "read:chat", "read:fan"] };
/** List writes have no agency mirror (§6: read-only on the agency side). */
export const LIST_WRITE: RouteSpec = { scopes: ["write:chat"], subject: "creator" };

/** Wraps a handler so scheduled broadcasts due by now are in every reply. */
export const withDue = (sb: Sandbox, fn: (ctx: ApiCtx) => void) => (ctx: ApiCtx) => {
  processDueMassMessages(sb, ctx.creator);
  fn(ctx);
};
