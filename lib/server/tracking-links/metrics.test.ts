import { describe, expect, it } from "vitest";
import { auditSentence } from "@/components/activity/action-labels";
import { trackingLinkSchema, trackingLinkUserSchema } from "@/lib/server/fanvue/resources/tracking-links";
import { formatRoi, roiPercent } from "@/lib/utils/tracking-links";
import { divideCents, linkMetrics } from "./metrics";

const base = { clicks: 400, acquiredSubscribers: 8, earningsNet: 15_000, costCents: 10_000 };

describe("what a promo cost bought", () => {
  it("divides whole cents once, a half cent rounding up", () => {
    expect(divideCents(10_000, 8)).toBe(1250);
    expect(divideCents(5, 2)).toBe(3);
    expect(divideCents(7, 3)).toBe(2);
    expect(divideCents(1, 3)).toBe(0);
    expect(() => divideCents(10, 0)).toThrow(RangeError);
    expect(() => divideCents(10.5, 2)).toThrow(RangeError);
  });

  it("gives cost per subscriber and per click, and ROI from Fanvue's net", () => {
    expect(linkMetrics(base)).toEqual({ costPerSubscriber: 1250, costPerClick: 25, roi: 0.5 });
    expect(linkMetrics({ ...base, earningsNet: 4_000 }).roi).toBe(-0.6);
  });

  it("has no figure where there is nothing to divide: no cost, no subscribers, no clicks, no net, a free promo", () => {
    expect(linkMetrics({ ...base, costCents: null })).toEqual({
      costPerSubscriber: null,
      costPerClick: null,
      roi: null,
    });
    expect(linkMetrics({ ...base, acquiredSubscribers: 0 }).costPerSubscriber).toBeNull();
    expect(linkMetrics({ ...base, clicks: 0 }).costPerClick).toBeNull();
    expect(linkMetrics({ ...base, earningsNet: null }).roi).toBeNull();
    expect(linkMetrics({ ...base, costCents: 0 })).toEqual({ costPerSubscriber: 0, costPerClick: 0, roi: null });
  });

  it("writes ROI in tenths of a percent, signed", () => {
    expect(roiPercent(1.23456)).toBe(123.5);
    expect(roiPercent(-0.40049)).toBe(-40);
    expect(formatRoi(0.5)).toBe("+50.0%");
    expect(formatRoi(-0.6)).toBe("-60.0%");
    expect(formatRoi(0)).toBe("0.0%");
  });

  it("says in the activity log what cost was set, or that it was cleared", () => {
    expect(auditSentence("tracking_link.cost", { name: "Bio", cost: 2500 })).toBe(
      "set the promo cost of link “Bio” to $25.00",
    );
    expect(auditSentence("tracking_link.cost", { name: "Bio", cost: null })).toBe(
      "cleared the promo cost of link “Bio”",
    );
  });
});

const link = {
  uuid: "5f0c7a8e-0000-4000-8000-000000000001",
  name: "Bio",
  linkUrl: "luna-abc",
  externalSocialPlatform: "instagram",
  createdAt: "2026-01-01T00:00:00.000Z",
  clicks: 10,
  engagement: { acquiredFollowers: 3, acquiredSubscribers: 1, totalFollowers: 2, totalSubscribers: 1 },
  earnings: { totalGross: 1234.5, totalNet: 987.4 },
};

describe("reading Fanvue's tracking links", () => {
  it("rounds Fanvue's earnings once and keeps a null as null, never 0", () => {
    expect(trackingLinkSchema.parse(link).earnings).toEqual({ totalGross: 1235, totalNet: 987 });
    expect(trackingLinkSchema.parse({ ...link, earnings: null }).earnings).toBeNull();
    expect(trackingLinkSchema.parse({ ...link, earnings: undefined }).earnings).toBeNull();
  });

  it("tolerates fields and platforms it does not know, but not a link without its counts", () => {
    const parsed = trackingLinkSchema.parse({ ...link, externalSocialPlatform: "threads", extra: 1 });
    expect(parsed.externalSocialPlatform).toBe("threads");
    expect(trackingLinkSchema.safeParse({ ...link, engagement: undefined }).success).toBe(false);
    expect(trackingLinkSchema.safeParse({ ...link, clicks: undefined }).success).toBe(false);
  });

  it("reads a link's fans with their status, null when Fanvue gives none", () => {
    const fan = { uuid: "u1", handle: "fan", displayName: "Fan", registeredAt: "2026-01-01T00:00:00.000Z" };
    expect(trackingLinkUserSchema.parse({ ...fan, status: "expired" }).status).toBe("expired");
    expect(trackingLinkUserSchema.parse({ ...fan, status: null }).status).toBeNull();
    expect(trackingLinkUserSchema.parse(fan).status).toBeNull();
  });
});
