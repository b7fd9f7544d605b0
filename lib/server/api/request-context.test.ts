import { describe, expect, it } from "vitest";
import { contextFor, forgetPerRequest, perRequest, requestContext } from "./request-context";

const counter = () => {
  let n = 0;
  return {
    read: async () => ++n,
    get n() {
      return n;
    },
  };
};

describe("perRequest", () => {
  it("reads once per request, and again in the next request", async () => {
    const c = counter();
    const inRequest = () =>
      requestContext.run(contextFor("GET", { id: "u" }), async () => [
        await perRequest("k", c.read),
        await perRequest("k", c.read),
        await perRequest("other", c.read),
      ]);
    expect(await inRequest()).toEqual([1, 1, 2]);
    expect(await inRequest()).toEqual([3, 3, 4]);
  });

  it("reads every time outside a request", async () => {
    const c = counter();
    await perRequest("k", c.read);
    await perRequest("k", c.read);
    expect(c.n).toBe(2);
  });

  it("reads again after a failure, or once the request forgot it", async () => {
    let fail = true;
    let reads = 0;
    const read = async () => {
      reads++;
      if (fail) throw new Error("blip");
      return reads;
    };
    await requestContext.run(contextFor("GET", null), async () => {
      await expect(perRequest("k", read)).rejects.toThrow("blip");
      fail = false;
      expect(await perRequest("k", read)).toBe(2);
      expect(await perRequest("k", read)).toBe(2);
      forgetPerRequest("k");
      expect(await perRequest("k", read)).toBe(3);
    });
  });
});
