import "server-only";
import type { QueueItem } from "@/lib/schemas/post-views";
import { db } from "@/lib/server/db";
import type { QueueSource } from "@/lib/server/posts/queue";

/** Scheduled mass messages in the posts queue: campaigns recorded here that
 * have not gone out yet (Fanvue's own scheduled broadcasts are listed on the
 * Mass messages page). Rescheduling happens there, so no drag here. */
export const massQueueSource: QueueSource = async (access) => {
  const campaigns = await db.massCampaign.findMany({
    where: { creatorId: access.creator.id, status: { in: ["scheduled", "queued"] }, scheduledAt: { gt: new Date() } },
    orderBy: { scheduledAt: "asc" },
    take: 100,
  });
  const items: QueueItem[] = campaigns.map((c) => ({
    kind: "mass_message",
    id: c.id,
    at: c.scheduledAt!.toISOString(),
    title: c.text
      ? c.text.length > 60
        ? `${c.text.slice(0, 57)}…`
        : c.text
      : `Mass message with ${c.mediaUuids.length} media`,
    href: `/c/${access.creator.id}/mass-messages`,
    canReschedule: false,
  }));
  return { items };
};
