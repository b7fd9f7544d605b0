-- CreateTable
CREATE TABLE "ExportLease" (
    "userId" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExportLease_pkey" PRIMARY KEY ("userId")
);
