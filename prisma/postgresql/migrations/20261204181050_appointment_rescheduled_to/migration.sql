-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "rescheduledToId" TEXT;
