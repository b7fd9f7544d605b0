import { describe, expect, it } from "vitest";
import { ApiClientError, type ApiErrorCode } from "./fetcher";
import { shouldRetry } from "./query-client";

const err = (code: ApiErrorCode) => new ApiClientError(code, "x", code === "network" ? 0 : 502);

describe("silent retries before an error shows", () => {
  it("retries only a request that never reached Vuedeck, once", () => {
    expect(shouldRetry(0, err("network"))).toBe(true);
    expect(shouldRetry(1, err("network"))).toBe(false);
  });

  it("shows Fanvue's and the server's failures at once (the server already retried)", () => {
    const codes: ApiErrorCode[] = [
      "upstream_unavailable",
      "upstream_error",
      "unavailable",
      "internal",
      "rate_limited",
      "fanvue_reauth",
    ];
    for (const code of codes) expect(shouldRetry(0, err(code))).toBe(false);
    expect(shouldRetry(0, new Error("boom"))).toBe(false);
  });
});
