import { describe, expect, it } from "vitest";
import { filtersOf, parseVaultParams, serializeVaultParams } from "./vault-params";

const FAN = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("vault URL state", () => {
  it("reads valid filters, the preview and the scroll anchor", () => {
    const p = parseVaultParams(
      new URLSearchParams(
        `type=video&folder=Summer%20%E2%80%9926&usage=ppv&fan=${FAN}&fanView=bought&q=beach&view=${FAN}&at=24`,
      ),
    );
    expect(p).toEqual({
      type: "video",
      folder: "Summer ’26",
      usage: "ppv",
      fan: FAN,
      fanView: "bought",
      q: "beach",
      view: FAN,
      at: 24,
    });
    expect(filtersOf(p)).toEqual({
      type: "video",
      folder: "Summer ’26",
      usage: "ppv",
      fan: FAN,
      fanView: "bought",
      q: "beach",
    });
  });

  it("drops values it cannot trust instead of sending them to the server", () => {
    const p = parseVaultParams(
      new URLSearchParams("type=pdf&usage=x&fan=nope&fanView=bought&folder=a/b&view=../x&at=-3"),
    );
    expect(p).toEqual({});
  });

  it("writes only what is set and keeps other parameters (e.g. fanName)", () => {
    const qs = serializeVaultParams(
      { type: "image", q: undefined, at: 12 },
      new URLSearchParams("fanName=Ann&type=video&q=old"),
    );
    expect(new URLSearchParams(qs).toString()).toBe("fanName=Ann&type=image&at=12");
    expect(parseVaultParams(new URLSearchParams(qs))).toEqual({ type: "image", at: 12 });
  });
});
