-- CreateTable
CREATE TABLE "AccessChange" (
    "seq" SERIAL NOT NULL,
    "userId" TEXT,
    "workspaceId" TEXT,
    "reason" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessChange_pkey" PRIMARY KEY ("seq")
);

-- CreateTable
CREATE TABLE "WebhookRefusal" (
    "reason" TEXT NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "firstAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastAt" TIMESTAMP(3) NOT NULL,
    "skewSec" INTEGER,

    CONSTRAINT "WebhookRefusal_pkey" PRIMARY KEY ("reason")
);

-- CreateIndex
CREATE INDEX "AccessChange_createdAt_idx" ON "AccessChange"("createdAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_recipientUuid_seq_idx" ON "WebhookEvent"("recipientUuid", "seq");
