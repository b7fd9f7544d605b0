-- A memo is a cache: the rows written before it knew its shape go.
DELETE FROM "EarningsMemo";

-- AlterTable
ALTER TABLE "EarningsMemo" ADD COLUMN     "creatorIds" TEXT[],
ADD COLUMN     "shape" JSONB NOT NULL;
