import "server-only";
import type { PostField } from "@/lib/schemas/posts";
import { ApiError } from "@/lib/server/api/errors";
import { describeForLog, FanvueError } from "@/lib/server/fanvue/errors";
import { formatMoney } from "@/lib/utils/format";

// Fanvue's refusals of a post, in our words. Fanvue's own texts ("price must
// be at least 300") name its fields, so they tell which composer field a
// refusal concerns; they stay in the log, never on screen.

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

/** A refusal of each field, in our words. The composer and our API check
 * Fanvue's documented rules before sending (price floor, media ready, text
 * length, times), so a refusal is most often for a reason we cannot know
 * (a content rule, say): these name the field and what to do, without
 * guessing why. */
const FIELD_TEXT: Record<PostField, string> = {
  price: "Fanvue did not accept the price. Choose another price and send again.",
  preview: "Fanvue did not accept the free preview item. Choose another one and send again.",
  expiresAt: "Fanvue did not accept the expiry. Choose a later one, or none, and send again.",
  publishAt: "Fanvue did not accept the publish time. Choose a later one and send again.",
  audience: "Fanvue did not accept this audience for the post. Choose the other one and send again.",
  text: "Fanvue did not accept the text. Change it and send again.",
  media: "Fanvue did not accept the media. Check that each item is in this creator's vault and finished processing.",
};

/** Statuses after which Fanvue certainly created nothing (it refused before
 * acting), so the same post may be sent again. */
export function isCertainRefusal(err: unknown): err is FanvueError {
  if (!(err instanceof FanvueError)) return false;
  return [
    "validation",
    "forbidden",
    "not_found",
    "conflict",
    "rate_limited",
    "stalled",
    "version",
    "unauthorized",
    "reauth",
    "unsupported",
  ].includes(err.kind);
}

/** A validation refusal → invalid_input naming the field; others pass through
 * (the API wrapper maps them: reconnect, rate limit, …). */
export function toFieldError(err: unknown): unknown {
  if (!(err instanceof FanvueError) || err.kind !== "validation") return err;
  console.warn(`[posts] Fanvue ${describeForLog(err)}`);
  const upstream = err.details.errors?.[0] ?? err.details.upstreamText ?? "";
  const field = fieldOfMessage(upstream);
  if (!field)
    return new ApiError("invalid_input", "Fanvue did not accept this post. Check its fields and send it again.");
  // A creator-specific price floor is the one figure worth passing on (ours,
  // formatted); Fanvue's sentence itself is not shown.
  const floor = field === "price" ? /at least \$?(\d+)/i.exec(upstream) : null;
  if (floor && Number(floor[1]) > 300)
    return new ApiError(
      "invalid_input",
      `Fanvue did not accept the price: it asks for at least ${formatMoney(Number(floor[1]))} here.`,
      { field },
    );
  return new ApiError("invalid_input", FIELD_TEXT[field], { field });
}

export type PostAction = "publish" | "edit" | "reschedule" | "publishNow" | "cancel";

const CANNOT: Record<PostAction, string> = {
  publish: "publish posts",
  edit: "edit posts",
  reschedule: "reschedule posts",
  publishNow: "publish scheduled posts early",
  cancel: "change scheduled posts, so this one cannot be cancelled here",
};
const INSTEAD: Record<PostAction, string> = {
  publish: "Post it in Fanvue's app; your draft is kept here.",
  edit: "Edit it in Fanvue's app.",
  reschedule: "Reschedule it in Fanvue's app.",
  publishNow: "Publish it in Fanvue's app.",
  cancel: "Delete or reschedule it in Fanvue's app.",
};

/** This Fanvue lacks (404/405/501) or refuses (403) the call itself: it will
 * never work by trying again, so we say what to do instead. */
export function actionRefused(err: FanvueError, action: PostAction): ApiError {
  console.warn(`[posts] ${action}: Fanvue ${describeForLog(err)}`);
  if (err.kind === "forbidden")
    return new ApiError(
      "forbidden",
      `Fanvue refused to let this connection ${CANNOT[action].replace(/, so .*/, "")}. Reconnect Fanvue with access to posts, or ${INSTEAD[action].charAt(0).toLowerCase()}${INSTEAD[action].slice(1)}`,
    );
  return new ApiError(
    "not_found",
    `Fanvue does not let Vuedeck ${CANNOT[action]} for this account. ${INSTEAD[action]}`,
  );
}
