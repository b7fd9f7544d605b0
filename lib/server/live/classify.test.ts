import { describe, expect, it } from "vitest";
import { classifyEvent, eventDetails } from "./classify";

const sender = { uuid: "f1", handle: "fan1", displayName: "Fan One", avatarUrl: null };

describe("classifying Fanvue platform events", () => {
  it("trusts a known X-Fanvue-Event header", () => {
    expect(classifyEvent("tip-received", {})).toBe("tip-received");
    expect(classifyEvent("bogus", { sender })).toBe("new-follower");
  });

  it("routes by shape when there is no header (§7.1 payloads)", () => {
    expect(
      classifyEvent(null, { messageUuid: "m", message: { uuid: "m", text: "hi" }, sender, recipientUuid: "c" }),
    ).toBe("message-received");
    expect(classifyEvent(null, { counterpartUuid: "f1", readMessagesCount: 2, recipientUuid: "c" })).toBe(
      "message-read",
    );
    expect(classifyEvent(null, { context: "message", messageUuid: "t", senderUuid: "f1", price: 500, sender })).toBe(
      "tip-received",
    );
    expect(classifyEvent(null, { routeUuid: "m", price: 900, sender })).toBe("purchase-received");
    expect(classifyEvent(null, { postUuid: "p", price: 900, sender })).toBe("purchase-received");
    expect(classifyEvent(null, { price: 999, sender, recipientUuid: "c" })).toBe("new-subscriber");
    expect(classifyEvent(null, { sender, recipientUuid: "c" })).toBe("new-follower");
    expect(classifyEvent(null, { something: 1 })).toBe("unknown");
  });

  it("extracts the fan, the amount in cents and the message", () => {
    expect(
      eventDetails({
        context: "message",
        messageUuid: "t1",
        senderUuid: "f1",
        price: 500,
        sender,
        recipientUuid: "c0",
      }),
    ).toMatchObject({
      recipientUuid: "c0",
      fanUuid: "f1",
      fan: { uuid: "f1", handle: "fan1", displayName: "Fan One" },
      amount: 500,
      messageUuid: "t1",
    });
    expect(eventDetails({ counterpartUuid: "f2", recipientUuid: "c0" })).toMatchObject({
      fanUuid: "f2",
      fan: null,
      amount: null,
      message: null,
    });
    expect(
      eventDetails({
        messageUuid: "m1",
        message: {
          uuid: "m1",
          text: "hi",
          hasMedia: true,
          mediaUuids: ["a", 3],
          price: 500,
          createdAt: "2026-01-01T00:00:00Z",
        },
        sender,
      }).message,
    ).toEqual({
      uuid: "m1",
      text: "hi",
      mediaUuids: ["a"],
      price: 500,
      createdAt: "2026-01-01T00:00:00Z",
    });
    expect(eventDetails({ price: 12.5 }).amount).toBeNull();
  });
});
