-- AlterTable
ALTER TABLE "AudienceAnalysis" ADD COLUMN     "insightOrder" INTEGER,
ADD COLUMN     "insightsTotal" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retryRound" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "AudienceFan" ADD COLUMN     "listOrder" INTEGER;

-- CreateIndex
CREATE INDEX "AudienceFan_creatorId_runId_listOrder_idx" ON "AudienceFan"("creatorId", "runId", "listOrder");
