-- CreateTable
CREATE TABLE "MirrorChat" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "nickname" TEXT,
    "avatarUrl" TEXT,
    "isTopSpender" BOOLEAN NOT NULL DEFAULT false,
    "registeredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3),
    "lastMessageAt" TIMESTAMP(3),
    "isRead" BOOLEAN NOT NULL DEFAULT true,
    "isMuted" BOOLEAN NOT NULL DEFAULT false,
    "unreadCount" INTEGER NOT NULL DEFAULT 0,
    "lastMessageUuid" TEXT,
    "lastMessageText" TEXT,
    "lastMessageType" TEXT,
    "lastMessageSentAt" TIMESTAMP(3),
    "lastMessageHasMedia" BOOLEAN NOT NULL DEFAULT false,
    "lastMessageMediaType" TEXT,
    "lastSenderUuid" TEXT,
    "lastSentByUserId" TEXT,
    "seenRunId" TEXT,
    "missedRuns" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorChat_pkey" PRIMARY KEY ("creatorId","fanUuid")
);

-- CreateTable
CREATE TABLE "MirrorChatSync" (
    "creatorId" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "fullSyncedAt" TIMESTAMP(3),
    "runId" TEXT,
    "runStartedAt" TIMESTAMP(3),
    "runNextPage" INTEGER,
    "runChatsSeen" INTEGER NOT NULL DEFAULT 0,
    "unordered" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "viewedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorChatSync_pkey" PRIMARY KEY ("creatorId")
);

-- CreateTable
CREATE TABLE "MirrorListMember" (
    "creatorId" TEXT NOT NULL,
    "listKey" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "runId" TEXT NOT NULL,

    CONSTRAINT "MirrorListMember_pkey" PRIMARY KEY ("creatorId","listKey","fanUuid")
);

-- CreateTable
CREATE TABLE "MirrorListSync" (
    "creatorId" TEXT NOT NULL,
    "listKey" TEXT NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "runId" TEXT,
    "runStartedAt" TIMESTAMP(3),
    "runNextPage" INTEGER,
    "membersRead" INTEGER NOT NULL DEFAULT 0,
    "gone" BOOLEAN NOT NULL DEFAULT false,
    "lastError" TEXT,
    "usedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MirrorListSync_pkey" PRIMARY KEY ("creatorId","listKey")
);

-- CreateIndex
CREATE INDEX "MirrorChat_creatorId_lastMessageAt_idx" ON "MirrorChat"("creatorId", "lastMessageAt" DESC);

-- CreateIndex
CREATE INDEX "MirrorListMember_creatorId_listKey_runId_idx" ON "MirrorListMember"("creatorId", "listKey", "runId");
