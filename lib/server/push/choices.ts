import "server-only";
import type { NotificationChoice } from "@/generated/prisma/client";
import {
  DEFAULT_CHOICES,
  type NotificationChoices,
  type NotificationChoicesPatch,
  type NotificationSettings,
} from "@/lib/schemas/push";
import { db } from "@/lib/server/db";
import { listAccessibleCreators } from "@/lib/server/workspaces/access";
import { isPushConfigured } from "./send";
import { listDevices } from "./subscriptions";

// A member's notification choices: one row, created on the first change
// (until then the defaults apply).

export function choicesOf(row: NotificationChoice | null | undefined): NotificationChoices {
  if (!row) return DEFAULT_CHOICES;
  return {
    tips: row.tips,
    tipMinCents: row.tipMinCents,
    newSubscribers: row.newSubscribers,
    whaleMessages: row.whaleMessages,
    whaleMinCents: row.whaleMinCents,
    unanswered: row.unanswered,
    unansweredMinutes: row.unansweredMinutes,
    automationFailures: row.automationFailures,
    mutedCreatorIds: row.mutedCreatorIds,
  };
}

export async function getNotificationSettings(userId: string): Promise<NotificationSettings> {
  const [row, creators, devices] = await Promise.all([
    db.notificationChoice.findUnique({ where: { userId } }),
    listAccessibleCreators(userId),
    listDevices(userId),
  ]);
  return {
    available: isPushConfigured(),
    choices: choicesOf(row),
    creators: creators.map((c) => ({ id: c.id, name: c.displayName, workspaceName: c.workspaceName })),
    devices,
  };
}

export async function saveNotificationChoices(userId: string, patch: NotificationChoicesPatch) {
  const data = { ...patch, ...(patch.mutedCreatorIds ? { mutedCreatorIds: [...new Set(patch.mutedCreatorIds)] } : {}) };
  await db.notificationChoice.upsert({ where: { userId }, create: { userId, ...data }, update: data });
  return getNotificationSettings(userId);
}
