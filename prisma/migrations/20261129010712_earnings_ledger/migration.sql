-- CreateTable
CREATE TABLE "EarningRow" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "gross" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "currency" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "fanUuid" TEXT,
    "fanHandle" TEXT,
    "fanName" TEXT,
    "messageUuid" TEXT,
    "postUuid" TEXT,
    "orderId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EarningRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SpendingRow" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "gross" INTEGER NOT NULL,
    "net" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "fanUuid" TEXT,
    "reversedOrderId" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SpendingRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncState" (
    "creatorId" TEXT NOT NULL,
    "stream" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "watermark" TIMESTAMP(3),
    "runFrom" TIMESTAMP(3),
    "runUntil" TIMESTAMP(3),
    "cursor" TEXT,
    "reachedAt" TIMESTAMP(3),
    "pagesDone" INTEGER NOT NULL DEFAULT 0,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "backfilledAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "unsupported" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SyncState_pkey" PRIMARY KEY ("creatorId","stream")
);

-- CreateIndex
CREATE INDEX "EarningRow_creatorId_occurredAt_idx" ON "EarningRow"("creatorId", "occurredAt");

-- CreateIndex
CREATE INDEX "EarningRow_creatorId_fanUuid_idx" ON "EarningRow"("creatorId", "fanUuid");

-- CreateIndex
CREATE UNIQUE INDEX "EarningRow_creatorId_dedupeKey_key" ON "EarningRow"("creatorId", "dedupeKey");

-- CreateIndex
CREATE INDEX "SpendingRow_creatorId_occurredAt_idx" ON "SpendingRow"("creatorId", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "SpendingRow_creatorId_dedupeKey_key" ON "SpendingRow"("creatorId", "dedupeKey");
