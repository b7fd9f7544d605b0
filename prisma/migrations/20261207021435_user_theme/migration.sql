-- AlterTable
ALTER TABLE "User" ADD COLUMN     "theme" TEXT;
