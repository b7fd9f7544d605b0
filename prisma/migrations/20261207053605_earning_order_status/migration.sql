-- AlterTable
ALTER TABLE "EarningRow" ADD COLUMN     "orderStatus" TEXT;
