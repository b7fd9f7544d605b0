-- CreateTable
CREATE TABLE "AgencyShare" (
    "creatorId" TEXT NOT NULL,
    "rateBps" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "updatedByName" TEXT NOT NULL,

    CONSTRAINT "AgencyShare_pkey" PRIMARY KEY ("creatorId")
);
