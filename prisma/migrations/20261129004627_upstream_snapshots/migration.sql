-- CreateTable
CREATE TABLE "UpstreamSnapshot" (
    "key" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "UpstreamSnapshot_pkey" PRIMARY KEY ("key")
);
