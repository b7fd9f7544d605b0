-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'creator';
