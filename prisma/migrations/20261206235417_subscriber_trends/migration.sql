-- CreateTable
CREATE TABLE "SubscriberDay" (
    "creatorId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "subscribers" INTEGER NOT NULL,
    "known" INTEGER NOT NULL,
    "autoRenewOff" INTEGER NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubscriberDay_pkey" PRIMARY KEY ("creatorId","day")
);
