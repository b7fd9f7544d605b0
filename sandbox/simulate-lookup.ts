// Resolving the names admin requests use (creator handle, fan handle or uuid)
// into world objects, with 400/404 bodies that say what was wrong.
import { badRequest, notFound } from "./http";
import type { Sandbox } from "./state";
import type { CreatorWorld } from "./world/types";

export function creatorByHandle(sb: Sandbox, handle: unknown): CreatorWorld {
  if (typeof handle !== "string" || handle.trim() === "") throw badRequest("creator must be a creator handle");
  const acc = sb.world.byHandle.get(handle.trim().replace(/^@/, ""));
  const c = acc && sb.world.creators.get(acc.uuid);
  if (!c) throw notFound(`no creator @${handle}`);
  return c;
}

/** A fan of `c` by uuid or handle; undefined when `ref` is absent. */
export function fanIdxOf(c: CreatorWorld, ref: unknown): number | undefined {
  if (ref === undefined || ref === null) return undefined;
  if (typeof ref !== "string" || ref.trim() === "") throw badRequest("fan must be a fan handle or uuid");
  const key = ref.trim().replace(/^@/, "");
  const byUuid = c.fanIndex.get(key.toLowerCase());
  if (byUuid !== undefined) return byUuid;
  const byHandle = c.fans.findIndex((f) => f.handle === key);
  if (byHandle >= 0) return byHandle;
  throw notFound(`@${c.account.handle} has no fan ${ref}`);
}

/** The fan whose chat was active most recently (ties: lowest index). */
export function busiestChatFan(c: CreatorWorld): number | undefined {
  let best: { fanIdx: number; at: number } | undefined;
  for (const chat of c.chats.values()) {
    if (!c.relations[chat.fanIdx]?.contactable) continue;
    if (!best || chat.lastMessageAt > best.at || (chat.lastMessageAt === best.at && chat.fanIdx < best.fanIdx))
      best = { fanIdx: chat.fanIdx, at: chat.lastMessageAt };
  }
  return best?.fanIdx;
}

/** Newest row index of `fanIdx` (or anyone, for -1) whose source is in `sources`. */
export function latestRow(c: CreatorWorld, sources: string[], fanIdx?: number): number | undefined {
  const l = c.ledger;
  const rows = fanIdx === undefined ? null : l.rowsOfFan(fanIdx);
  const n = rows ? rows.length : l.length;
  for (let k = n - 1; k >= 0; k--) {
    const i = rows ? rows[k]! : k;
    if (sources.includes(l.row(i).source) && l.fanIdx[i]! >= 0) return i;
  }
  return undefined;
}
