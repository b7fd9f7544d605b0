-- The roster's search index (trigram GIN, below). pg_trgm ships with
-- PostgreSQL (contrib) and is a trusted extension since PostgreSQL 13.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- DropIndex
DROP INDEX "AudienceFan_creatorId_list_idx";

-- AlterTable
ALTER TABLE "AudienceAnalysis" DROP COLUMN "followersPage",
DROP COLUMN "listed",
DROP COLUMN "subscribersPage",
ADD COLUMN     "rosterRunId" TEXT;

-- AlterTable
ALTER TABLE "AudienceFan" ADD COLUMN     "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "registeredAt" TIMESTAMP(3),
ADD COLUMN     "searchText" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "FanRoster" (
    "creatorId" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "phase" TEXT NOT NULL,
    "subscribersPage" INTEGER NOT NULL DEFAULT 1,
    "followersPage" INTEGER NOT NULL DEFAULT 1,
    "listed" INTEGER NOT NULL DEFAULT 0,
    "expectedFans" INTEGER,
    "calls" INTEGER NOT NULL DEFAULT 0,
    "reason" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "syncedAt" TIMESTAMP(3),
    "removed" INTEGER NOT NULL DEFAULT 0,
    "checkedAt" TIMESTAMP(3),
    "fanvueSubscribers" INTEGER,
    "fanvueFollowers" INTEGER,
    "skippedLists" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FanRoster_pkey" PRIMARY KEY ("creatorId")
);

-- CreateIndex
CREATE INDEX "AudienceFan_creatorId_list_listOrder_idx" ON "AudienceFan"("creatorId", "list", "listOrder");

-- CreateIndex
CREATE INDEX "AudienceFan_searchText_idx" ON "AudienceFan" USING GIN ("searchText" gin_trgm_ops);

-- Existing rows: searchable at once, first seen when last seen (all we know).
UPDATE "AudienceFan" SET "searchText" = lower(concat_ws(' ', handle, "displayName", nickname)), "firstSeenAt" = "seenAt";

-- A run that was listing resumes by following a roster sync (lib/server/fans/roster-job.ts).
UPDATE "AudienceAnalysis" SET phase = 'listing' WHERE phase IN ('subscribers', 'followers');
