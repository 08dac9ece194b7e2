-- AlterTable
ALTER TABLE "CalendarOverride" ADD COLUMN     "notice" TEXT,
ADD COLUMN     "noticeYear" INTEGER;
