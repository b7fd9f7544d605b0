-- CreateTable
CREATE TABLE "TrackingLink" (
    "creatorId" TEXT NOT NULL,
    "uuid" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "linkUrl" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "acquiredFollowers" INTEGER NOT NULL DEFAULT 0,
    "acquiredSubscribers" INTEGER NOT NULL DEFAULT 0,
    "totalFollowers" INTEGER NOT NULL DEFAULT 0,
    "totalSubscribers" INTEGER NOT NULL DEFAULT 0,
    "earningsGross" INTEGER,
    "earningsNet" INTEGER,
    "syncedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),
    "costCents" INTEGER,
    "costNote" TEXT,
    "costSetBy" TEXT,
    "costSetAt" TIMESTAMP(3),

    CONSTRAINT "TrackingLink_pkey" PRIMARY KEY ("creatorId","uuid")
);

-- CreateTable
CREATE TABLE "TrackingLinkFan" (
    "creatorId" TEXT NOT NULL,
    "linkUuid" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "status" TEXT,
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingLinkFan_pkey" PRIMARY KEY ("creatorId","linkUuid","fanUuid")
);

-- CreateTable
CREATE TABLE "TrackingLinkSync" (
    "creatorId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'idle',
    "startedAt" TIMESTAMP(3),
    "lastSyncedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrackingLinkSync_pkey" PRIMARY KEY ("creatorId")
);

-- CreateIndex
CREATE INDEX "TrackingLink_creatorId_createdAt_idx" ON "TrackingLink"("creatorId", "createdAt");

-- CreateIndex
CREATE INDEX "TrackingLinkFan_creatorId_fanUuid_idx" ON "TrackingLinkFan"("creatorId", "fanUuid");
