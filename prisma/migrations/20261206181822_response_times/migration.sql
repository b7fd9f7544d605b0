-- AlterTable
ALTER TABLE "ChatSend" ADD COLUMN     "waitingSince" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ChatWaiting" (
    "creatorId" TEXT NOT NULL,
    "fanUuid" TEXT NOT NULL,
    "since" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatWaiting_pkey" PRIMARY KEY ("creatorId","fanUuid")
);
