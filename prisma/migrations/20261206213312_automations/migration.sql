-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "automationsAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Automation" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "triggerParams" JSONB NOT NULL,
    "text" TEXT,
    "mediaUuids" TEXT[],
    "price" INTEGER,
    "tag" TEXT,
    "addToListUuid" TEXT,
    "removeFromListUuid" TEXT,
    "notifyTeam" BOOLEAN NOT NULL DEFAULT false,
    "skipIfWrittenMinutes" INTEGER NOT NULL DEFAULT 60,
    "skipIfUnread" BOOLEAN NOT NULL DEFAULT true,
    "skipIfSentMedia" BOOLEAN NOT NULL DEFAULT true,
    "delayMinSec" INTEGER NOT NULL DEFAULT 0,
    "delayMaxSec" INTEGER NOT NULL DEFAULT 0,
    "perFanDays" INTEGER,
    "quietStartMin" INTEGER,
    "quietEndMin" INTEGER,
    "timeZone" TEXT NOT NULL,
    "dailyCap" INTEGER,
    "holdoutPercent" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'active',
    "dryRun" BOOLEAN NOT NULL DEFAULT false,
    "activeSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "scannedAt" TIMESTAMP(3),
    "createdByUserId" TEXT,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Automation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AutomationRun" (
    "id" TEXT NOT NULL,
    "automationId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "fanHandle" TEXT,
    "fanName" TEXT,
    "occurrence" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "reason" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "text" TEXT,
    "chatSendId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AutomationRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Automation_creatorId_status_idx" ON "Automation"("creatorId", "status");

-- CreateIndex
CREATE INDEX "AutomationRun_automationId_createdAt_idx" ON "AutomationRun"("automationId", "createdAt");

-- CreateIndex
CREATE INDEX "AutomationRun_automationId_fanUuid_sentAt_idx" ON "AutomationRun"("automationId", "fanUuid", "sentAt");

-- CreateIndex
CREATE UNIQUE INDEX "AutomationRun_automationId_fanUuid_occurrence_key" ON "AutomationRun"("automationId", "fanUuid", "occurrence");
