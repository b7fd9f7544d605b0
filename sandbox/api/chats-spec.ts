// Route specs shared by the chat modules (§5.2–5.5 scopes and their §6 agency
// mirrors), and the wrapper that delivers due scheduled broadcasts first.
import type { Sandbox } from "../state";
import { processDueMassMessages } from "./mass-messages-delivery";
import type { ApiCtx, RouteSpec } from "./registry";

export const CHAT_READ: RouteSpec = { subject: "creator" };
export const CHAT_WRITE: RouteSpec = { subject: "creator" };
/** Lists expose fans, so reads also need read:fan (§5.5, §6). */
export const LIST_READ: RouteSpec = { subject: "creator" };
/** List writes have no agency mirror (§6: read-only on the agency side). */
export const LIST_WRITE: RouteSpec = { subject: "creator" };

/** Wraps a handler so scheduled broadcasts due by now are in every reply. */
export const withDue = (sb: Sandbox, fn: (ctx: ApiCtx) => void) => (ctx: ApiCtx) => {
  processDueMassMessages(sb, ctx.creator);
  fn(ctx);
};
