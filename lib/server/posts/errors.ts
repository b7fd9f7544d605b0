import "server-only";
import type { PostField } from "@/lib/schemas/posts";
import { ApiError } from "@/lib/server/api/errors";
import { FanvueError } from "@/lib/server/fanvue/errors";

// Fanvue's refusals name its own fields ("price must be at least 300",
// "mediaPreviewUuid must be one of mediaUuids"): each is shown beside the
// composer field it concerns.

/** Most specific first: "price requires at least one media item" is about
 * the price, "expiresAt must be after the publish time" about the expiry. */
const FIELD_RULES: [RegExp, PostField][] = [
  [/mediaPreviewUuid|preview/i, "preview"],
  [/expiresAt|expir/i, "expiresAt"],
  [/^price|\bprice\b/i, "price"],
  [/publishAt|publish/i, "publishAt"],
  [/audience/i, "audience"],
  [/needs text/i, "text"],
  [/mediaUuids|\bmedia\b/i, "media"],
  [/\btext\b/i, "text"],
];

export function fieldOfMessage(message: string): PostField | undefined {
  return FIELD_RULES.find(([re]) => re.test(message))?.[1];
}

/** Statuses after which Fanvue certainly created nothing (it refused before
 * acting), so the same post may be sent again. */
export function isCertainRefusal(err: unknown): err is FanvueError {
  if (!(err instanceof FanvueError)) return false;
  return ["validation", "forbidden", "not_found", "conflict", "rate_limited", "version", "unauthorized", "reauth", "unsupported"].includes(err.kind);
}

/** A validation refusal → invalid_input naming the field; others pass through
 * (the API wrapper maps them: reconnect, rate limit, …). */
export function toFieldError(err: unknown): unknown {
  if (!(err instanceof FanvueError) || err.kind !== "validation") return err;
  const first = err.details.errors?.[0] ?? err.message;
  const field = fieldOfMessage(first);
  return new ApiError("invalid_input", `Fanvue refused: ${first}`, field ? { field } : {});
}
