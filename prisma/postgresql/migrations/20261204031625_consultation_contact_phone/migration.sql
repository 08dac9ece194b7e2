-- AlterTable
ALTER TABLE "Consultation" ADD COLUMN     "contactPhoneEnc" TEXT;
