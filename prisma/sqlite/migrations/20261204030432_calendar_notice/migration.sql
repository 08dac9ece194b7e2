-- AlterTable
ALTER TABLE "CalendarOverride" ADD COLUMN "notice" TEXT;
ALTER TABLE "CalendarOverride" ADD COLUMN "noticeYear" INTEGER;
