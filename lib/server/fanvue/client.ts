import "server-only";
import { FanvueError } from "./errors";
import type { Method, Query, RawResponse } from "./http";
import type { Priority } from "./limiter";
import { callFanvue } from "./request";

// A Fanvue client bound to one stored connection and, for creator data, one
// creator. The connection decides the route family, not the caller:
// - "self": the token belongs to the creator → `/chats`, `/insights/…`
// - "agency": an agency token acting for a managed creator →
//   `/creators/{creatorUuid}/chats`, with that creator's own rate bucket.

export type ClientMode = "self" | "agency";

export type RequestOptions = {
  query?: Query;
  body?: unknown;
  priority?: Priority;
  idempotent?: boolean;
  /** See CallOptions.write: a POST that only reads says false. */
  write?: boolean;
  signal?: AbortSignal;
  timeoutMs?: number;
};

export type FanvueClient = {
  connectionId: string;
  mode: ClientMode;
  /** The creator whose data creator routes address (null: account-only client). */
  creatorUuid: string | null;
  /** A route about the creator's data (mirrored under /creators/{c} for agencies). */
  creator(method: Method, path: string, opts?: RequestOptions): Promise<RawResponse>;
  /** A creator route Fanvue offers on self routes only (e.g. fan insights,
   * templates, post lists): "unsupported" in agency mode. */
  selfOnly(method: Method, path: string, opts?: RequestOptions): Promise<RawResponse>;
  /** An account-level route (/users/me, /creators, /agencies/*) on the token owner's bucket. */
  account(method: Method, path: string, opts?: RequestOptions): Promise<RawResponse>;
};

export function fanvueClient(o: {
  connectionId: string;
  mode?: ClientMode;
  creatorUuid?: string | null;
}): FanvueClient {
  const mode = o.mode ?? "self";
  const creatorUuid = o.creatorUuid ?? null;
  const ownBucket = o.connectionId;
  const creatorRoute = (method: Method, path: string, opts: RequestOptions = {}) => {
    if (mode === "self") return callFanvue(o.connectionId, ownBucket, { method, path, ...opts });
    if (!creatorUuid) throw new Error("agency client without a creator");
    return callFanvue(o.connectionId, `${o.connectionId}:${creatorUuid}`, {
      method,
      path: `/creators/${encodeURIComponent(creatorUuid)}${path}`,
      ...opts,
    });
  };
  return {
    connectionId: o.connectionId,
    mode,
    creatorUuid,
    creator: creatorRoute,
    selfOnly(method, path, opts) {
      if (mode === "agency") {
        return Promise.reject(
          new FanvueError("unsupported", "Fanvue does not offer this for agency-managed creators.", { path }),
        );
      }
      return creatorRoute(method, path, opts);
    },
    account: (method, path, opts = {}) => callFanvue(o.connectionId, ownBucket, { method, path, ...opts }),
  };
}
