-- CreateTable
CREATE TABLE "FanInsight" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "checkedAt" TIMESTAMP(3),
    "fetchedAt" TIMESTAMP(3),
    "status" TEXT,
    "totalGross" INTEGER,
    "maxPayment" INTEGER,
    "lastPurchaseAt" TIMESTAMP(3),
    "sources" JSONB,
    "subscribedAt" TIMESTAMP(3),
    "renewsAt" TIMESTAMP(3),
    "autoRenew" BOOLEAN,
    "expiredAt" TIMESTAMP(3),
    "expiredAtEstimated" BOOLEAN NOT NULL DEFAULT false,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "retryAt" TIMESTAMP(3),
    "lastError" TEXT,
    "leaseOwner" TEXT,
    "leaseUntil" TIMESTAMP(3),

    CONSTRAINT "FanInsight_pkey" PRIMARY KEY ("creatorId","fanUuid")
);

-- CreateTable
CREATE TABLE "AudienceFan" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT,
    "nickname" TEXT,
    "avatarUrl" TEXT,
    "isTopSpender" BOOLEAN NOT NULL DEFAULT false,
    "list" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL,
    "runId" TEXT,

    CONSTRAINT "AudienceFan_pkey" PRIMARY KEY ("creatorId","fanUuid")
);

-- CreateTable
CREATE TABLE "FanNote" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "authorUserId" TEXT,
    "authorName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FanNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FanTag" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FanTag_pkey" PRIMARY KEY ("creatorId","fanUuid","tag")
);

-- CreateTable
CREATE TABLE "FanSegment" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" JSONB NOT NULL,
    "createdByName" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FanSegment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AudienceAnalysis" (
    "creatorId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "subscribersPage" INTEGER NOT NULL DEFAULT 1,
    "followersPage" INTEGER NOT NULL DEFAULT 1,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "expectedFans" INTEGER,
    "insightsDone" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AudienceAnalysis_pkey" PRIMARY KEY ("creatorId")
);

-- CreateIndex
CREATE INDEX "FanInsight_creatorId_totalGross_idx" ON "FanInsight"("creatorId", "totalGross");

-- CreateIndex
CREATE INDEX "FanInsight_creatorId_renewsAt_idx" ON "FanInsight"("creatorId", "renewsAt");

-- CreateIndex
CREATE INDEX "AudienceFan_creatorId_list_idx" ON "AudienceFan"("creatorId", "list");

-- CreateIndex
CREATE INDEX "FanNote_creatorId_fanUuid_createdAt_idx" ON "FanNote"("creatorId", "fanUuid", "createdAt");

-- CreateIndex
CREATE INDEX "FanTag_creatorId_tag_idx" ON "FanTag"("creatorId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "FanSegment_creatorId_name_key" ON "FanSegment"("creatorId", "name");
