import "server-only";
import { getAccessToken } from "./connection";
import { FanvueError } from "./errors";
import { sendRaw, type RawRequest, type RawResponse } from "./http";

export type FanvueCall = Omit<RawRequest, "accessToken">;

/** A Fanvue API client bound to one stored connection. Tokens are fetched
 * (and refreshed) per call; an unexpected 401 forces one refresh and retry. */
export function fanvueClient(connectionId: string) {
  return {
    connectionId,
    async call(req: FanvueCall): Promise<RawResponse> {
      const token = await getAccessToken(connectionId);
      try {
        return await sendRaw({ ...req, accessToken: token });
      } catch (err) {
        if (!(err instanceof FanvueError) || err.kind !== "unauthorized") throw err;
        const fresh = await getAccessToken(connectionId, { forceRefresh: true });
        return sendRaw({ ...req, accessToken: fresh });
      }
    },
  };
}

export type FanvueClient = ReturnType<typeof fanvueClient>;
