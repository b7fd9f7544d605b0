-- CreateTable
CREATE TABLE "ChatSend" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "text" TEXT,
    "mediaUuids" TEXT[],
    "price" INTEGER,
    "templateUuid" TEXT,
    "status" TEXT NOT NULL,
    "messageUuid" TEXT,
    "error" TEXT,
    "senderUserId" TEXT,
    "senderName" TEXT NOT NULL,
    "attemptAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatSend_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MassCampaign" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "text" TEXT,
    "mediaUuids" TEXT[],
    "price" INTEGER,
    "included" JSONB NOT NULL,
    "excluded" JSONB NOT NULL,
    "holdoutPercent" INTEGER NOT NULL DEFAULT 0,
    "holdoutListUuid" TEXT,
    "holdoutListName" TEXT,
    "audienceSize" INTEGER,
    "estimatedCount" INTEGER,
    "scheduledAt" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "fanvueId" TEXT,
    "recipientCount" INTEGER,
    "attemptAt" TIMESTAMP(3),
    "error" TEXT,
    "createdByUserId" TEXT,
    "createdByName" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MassCampaign_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MassCampaignFan" (
    "campaignId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "heldOut" BOOLEAN NOT NULL,

    CONSTRAINT "MassCampaignFan_pkey" PRIMARY KEY ("campaignId","fanUuid")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "seq" SERIAL NOT NULL,
    "event" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "recipientUuid" TEXT,
    "fanUuid" TEXT,
    "payload" JSONB NOT NULL,
    "signedAt" TIMESTAMP(3) NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChatSend_creatorId_fanUuid_createdAt_idx" ON "ChatSend"("creatorId", "fanUuid", "createdAt");

-- CreateIndex
CREATE INDEX "ChatSend_creatorId_messageUuid_idx" ON "ChatSend"("creatorId", "messageUuid");

-- CreateIndex
CREATE UNIQUE INDEX "ChatSend_creatorId_idempotencyKey_key" ON "ChatSend"("creatorId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "MassCampaign_creatorId_createdAt_idx" ON "MassCampaign"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "MassCampaign_status_idx" ON "MassCampaign"("status");

-- CreateIndex
CREATE UNIQUE INDEX "MassCampaign_creatorId_idempotencyKey_key" ON "MassCampaign"("creatorId", "idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "MassCampaign_creatorId_fanvueId_key" ON "MassCampaign"("creatorId", "fanvueId");

-- CreateIndex
CREATE INDEX "MassCampaignFan_campaignId_heldOut_idx" ON "MassCampaignFan"("campaignId", "heldOut");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_seq_key" ON "WebhookEvent"("seq");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_dedupeKey_key" ON "WebhookEvent"("dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_signature_key" ON "WebhookEvent"("signature");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");
