import "server-only";
import { createHash } from "node:crypto";
import type { NextRequest } from "next/server";
import type { PushDevice, PushSubscribeBody } from "@/lib/schemas/push";
import { ApiError } from "@/lib/server/api/errors";
import { db } from "@/lib/server/db";
import { SESSION_COOKIES } from "@/lib/utils/session-cookies";
import { endpointProblem, isPushConfigured } from "./send";

// A member's browsers: subscribed from the settings (this browser, this
// session), listed there, removed by the member or when the push service
// says the subscription is gone.

/** A device's subscriptions at most per user: every phone and browser a member uses, with room. */
const MAX_DEVICES_PER_USER = 20;

export const endpointHash = (endpoint: string) => createHash("sha256").update(endpoint).digest("hex");

/** "Chrome on Android", "Safari on iPhone": enough to tell one's devices apart. */
export function deviceLabel(userAgent: string | null): string {
  const ua = userAgent ?? "";
  const browser = /Edg\//.test(ua)
    ? "Edge"
    : /OPR\//.test(ua)
      ? "Opera"
      : /SamsungBrowser/.test(ua)
        ? "Samsung Internet"
        : /Firefox\//.test(ua)
          ? "Firefox"
          : /Chrome\/|CriOS/.test(ua)
            ? "Chrome"
            : /Safari\//.test(ua)
              ? "Safari"
              : "Browser";
  const os = /iPhone/.test(ua)
    ? "iPhone"
    : /iPad/.test(ua)
      ? "iPad"
      : /Android/.test(ua)
        ? "Android"
        : /Windows/.test(ua)
          ? "Windows"
          : /Mac OS X|Macintosh/.test(ua)
            ? "Mac"
            : /CrOS/.test(ua)
              ? "ChromeOS"
              : /Linux/.test(ua)
                ? "Linux"
                : null;
  return os ? `${browser} on ${os}` : browser;
}

/** The Auth.js session row of this request (the subscription lives and dies with it). */
async function sessionIdOf(req: NextRequest, userId: string) {
  const token = SESSION_COOKIES.map((name) => req.cookies.get(name)?.value).find(Boolean);
  const session = token
    ? await db.session.findUnique({ where: { sessionToken: token }, select: { id: true, userId: true } })
    : null;
  if (!session || session.userId !== userId) throw new ApiError("unauthorized", "Sign in to continue.");
  return session.id;
}

/** Registers this browser for the signed-in user (again: the keys and session are refreshed). */
export async function subscribeDevice(req: NextRequest, userId: string, body: PushSubscribeBody) {
  if (!isPushConfigured())
    throw new ApiError("conflict", "Push notifications are not set up on this server (VAPID keys).");
  const problem = endpointProblem(body.endpoint);
  if (problem) throw new ApiError("invalid_input", `${problem}.`, { field: "endpoint" });
  const sessionId = await sessionIdOf(req, userId);
  const existing = await db.pushSubscription.findUnique({
    where: { endpoint: body.endpoint },
    select: { userId: true },
  });
  if (existing?.userId !== userId && (await db.pushSubscription.count({ where: { userId } })) >= MAX_DEVICES_PER_USER)
    throw new ApiError("conflict", `You have ${MAX_DEVICES_PER_USER} devices with notifications: remove one first.`);
  const data = {
    userId,
    sessionId,
    p256dh: body.keys.p256dh,
    auth: body.keys.auth,
    label: deviceLabel(req.headers.get("user-agent")),
    failureCount: 0,
    lastError: null,
  };
  // The same browser under another account (signed out, someone else signed in) becomes theirs.
  const row = await db.pushSubscription.upsert({
    where: { endpoint: body.endpoint },
    create: { endpoint: body.endpoint, ...data },
    update: data,
  });
  return { id: row.id };
}

/** Removes one of this user's subscriptions (by endpoint or id); false when there was none. */
export async function unsubscribeDevice(userId: string, which: { endpoint: string } | { deviceId: string }) {
  const where = "endpoint" in which ? { endpoint: which.endpoint } : { id: which.deviceId };
  const { count } = await db.pushSubscription.deleteMany({ where: { userId, ...where } });
  return { removed: count > 0 };
}

export async function listDevices(userId: string): Promise<PushDevice[]> {
  const rows = await db.pushSubscription.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({
    id: r.id,
    label: r.label,
    createdAt: r.createdAt.toISOString(),
    lastSuccessAt: r.lastSuccessAt?.toISOString() ?? null,
    failureCount: r.failureCount,
    endpointHash: endpointHash(r.endpoint),
  }));
}
