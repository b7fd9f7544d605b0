-- CreateTable
CREATE TABLE "ShiftSettings" (
    "workspaceId" TEXT NOT NULL,
    "idleMinutes" INTEGER NOT NULL DEFAULT 30,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShiftSettings_pkey" PRIMARY KEY ("workspaceId")
);

-- CreateTable
CREATE TABLE "Shift" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endReason" TEXT,
    "correctedAt" TIMESTAMP(3),
    "correctedByUserId" TEXT,
    "correctedByName" TEXT,
    "correctReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Shift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CommissionRule" (
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "rateBps" INTEGER NOT NULL,
    "hourlyCents" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByName" TEXT,

    CONSTRAINT "CommissionRule_pkey" PRIMARY KEY ("workspaceId","userId")
);

-- CreateTable
CREATE TABLE "PayoutStatement" (
    "id" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "userName" TEXT NOT NULL,
    "periodFrom" TEXT NOT NULL,
    "periodTo" TEXT NOT NULL,
    "tz" TEXT NOT NULL,
    "startUtc" TIMESTAMP(3) NOT NULL,
    "endUtc" TIMESTAMP(3) NOT NULL,
    "rateBps" INTEGER NOT NULL,
    "hourlyCents" INTEGER,
    "netExact" DECIMAL(16,4) NOT NULL,
    "grossCents" INTEGER NOT NULL,
    "netCents" INTEGER NOT NULL,
    "commissionCents" INTEGER NOT NULL,
    "minutes" INTEGER NOT NULL,
    "hourlyPayCents" INTEGER NOT NULL,
    "totalCents" INTEGER NOT NULL,
    "snapshot" JSONB NOT NULL,
    "paidAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidByUserId" TEXT NOT NULL,
    "paidByName" TEXT NOT NULL,

    CONSTRAINT "PayoutStatement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Shift_workspaceId_userId_startedAt_idx" ON "Shift"("workspaceId", "userId", "startedAt");

-- CreateIndex
CREATE INDEX "Shift_endedAt_idx" ON "Shift"("endedAt");

-- CreateIndex
CREATE INDEX "PayoutStatement_workspaceId_userId_paidAt_idx" ON "PayoutStatement"("workspaceId", "userId", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "PayoutStatement_workspaceId_userId_startUtc_endUtc_key" ON "PayoutStatement"("workspaceId", "userId", "startUtc", "endUtc");
