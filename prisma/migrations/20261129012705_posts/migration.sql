-- CreateTable
CREATE TABLE "PostDraft" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "editOf" TEXT,
    "form" JSONB NOT NULL,
    "publishKey" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostRecord" (
    "id" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "publishKey" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "sendingAt" TIMESTAMP(3),
    "fanvueUuid" TEXT,
    "text" TEXT,
    "mediaUuids" TEXT[],
    "previewUuid" TEXT,
    "audience" TEXT NOT NULL,
    "price" INTEGER,
    "publishAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "error" TEXT,
    "errorField" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PostRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PostDraft_creatorId_authorId_updatedAt_idx" ON "PostDraft"("creatorId", "authorId", "updatedAt");

-- CreateIndex
CREATE INDEX "PostRecord_creatorId_publishAt_idx" ON "PostRecord"("creatorId", "publishAt");

-- CreateIndex
CREATE INDEX "PostRecord_creatorId_fanvueUuid_idx" ON "PostRecord"("creatorId", "fanvueUuid");

-- CreateIndex
CREATE UNIQUE INDEX "PostRecord_creatorId_publishKey_key" ON "PostRecord"("creatorId", "publishKey");
