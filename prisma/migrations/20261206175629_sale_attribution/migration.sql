-- CreateTable
CREATE TABLE "SaleAttribution" (
    "earningRowId" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "gross" DECIMAL(16,4) NOT NULL,
    "net" DECIMAL(16,4) NOT NULL,
    "source" TEXT NOT NULL,
    "fanUuid" TEXT,
    "rule" TEXT NOT NULL,
    "ruleUserId" TEXT,
    "ruleUserName" TEXT,
    "sendId" TEXT,
    "campaignId" TEXT,
    "userId" TEXT,
    "userName" TEXT,
    "reassignedAt" TIMESTAMP(3),
    "reassignedByUserId" TEXT,
    "reassignedByName" TEXT,
    "reassignReason" TEXT,
    "attributedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SaleAttribution_pkey" PRIMARY KEY ("earningRowId")
);

-- CreateIndex
CREATE INDEX "SaleAttribution_creatorId_occurredAt_idx" ON "SaleAttribution"("creatorId", "occurredAt");

-- CreateIndex
CREATE INDEX "SaleAttribution_userId_occurredAt_idx" ON "SaleAttribution"("userId", "occurredAt");

-- CreateIndex
CREATE INDEX "SaleAttribution_sendId_idx" ON "SaleAttribution"("sendId");

-- CreateIndex
CREATE INDEX "ChatSend_creatorId_sentAt_idx" ON "ChatSend"("creatorId", "sentAt");
