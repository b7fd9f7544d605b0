import "server-only";
import { automationCatchUp, automationRunJob, automationScan } from "@/lib/server/automations/jobs";
import { chatMirrorFreshness, chatMirrorJob, listMembersJob } from "@/lib/server/chats/mirror/jobs";
import { chatPresencePrune } from "@/lib/server/chats/presence-prune";
import { earningsFreshness, earningsSyncJob } from "@/lib/server/earnings/jobs";
import { subscriberDaysScheduler } from "@/lib/server/growth/subscriber-days";
import { analysisSweep } from "@/lib/server/fans/analysis/analysis-sweep";
import { legacyAnalyseJob, rosterJob, rosterScheduler } from "@/lib/server/fans/roster/roster-job";
import { accessChangePrune } from "@/lib/server/live/jobs";
import { massSendJob, massSweeper, webhookPrune } from "@/lib/server/mass/jobs";
import { pushEventJob, pushNoticePrune, pushSendJob, pushUnansweredScan } from "@/lib/server/push/jobs";
import { shiftIdleSweeper } from "@/lib/server/shifts/jobs";
import { trackingLinksFreshness, trackingLinksSyncJob } from "@/lib/server/tracking-links/jobs";
import { agencyCreatorLists } from "@/lib/server/workspaces/jobs";
import type { AnyJobDefinition, SchedulerDefinition } from "./define";

// Every background job and scheduler, listed: the worker runs these and
// nothing else. A new job is defined with defineJob next to its feature and
// added here (CONVENTIONS.md, "Background work").

export const jobs: readonly AnyJobDefinition[] = [
  earningsSyncJob,
  rosterJob,
  legacyAnalyseJob,
  massSendJob,
  chatMirrorJob,
  listMembersJob,
  automationRunJob,
  trackingLinksSyncJob,
  pushEventJob,
  pushSendJob,
];

/** Run every minute by the main worker (each enqueues what is due, deduplicated by key). */
export const schedulers: readonly SchedulerDefinition[] = [
  earningsFreshness,
  agencyCreatorLists,
  rosterScheduler,
  analysisSweep,
  massSweeper,
  webhookPrune,
  chatMirrorFreshness,
  accessChangePrune,
  shiftIdleSweeper,
  chatPresencePrune,
  automationCatchUp,
  automationScan,
  trackingLinksFreshness,
  subscriberDaysScheduler,
  pushUnansweredScan,
  pushNoticePrune,
];
