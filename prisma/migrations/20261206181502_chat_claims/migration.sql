-- CreateTable
CREATE TABLE "ChatClaim" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastActiveAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "assignedById" TEXT,
    "assignedByName" TEXT,

    CONSTRAINT "ChatClaim_pkey" PRIMARY KEY ("creatorId","fanUuid")
);

-- CreateTable
CREATE TABLE "ChatPresence" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "seenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatPresence_pkey" PRIMARY KEY ("creatorId","fanUuid","userId")
);

-- CreateIndex
CREATE INDEX "ChatClaim_creatorId_lastActiveAt_idx" ON "ChatClaim"("creatorId", "lastActiveAt");

-- CreateIndex
CREATE INDEX "ChatPresence_seenAt_idx" ON "ChatPresence"("seenAt");
