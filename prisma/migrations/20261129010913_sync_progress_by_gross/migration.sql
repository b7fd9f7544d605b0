-- AlterTable
ALTER TABLE "SyncState" ADD COLUMN     "expectedGross" BIGINT,
ADD COLUMN     "grossDone" BIGINT NOT NULL DEFAULT 0;
