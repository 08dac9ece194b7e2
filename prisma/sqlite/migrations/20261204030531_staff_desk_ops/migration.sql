-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN "cancelReason" TEXT;
ALTER TABLE "Appointment" ADD COLUMN "contactPhoneHash" TEXT;

-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN "applicantIdEnc" TEXT;
ALTER TABLE "Disclosure" ADD COLUMN "postalAddressEnc" TEXT;
ALTER TABLE "Disclosure" ADD COLUMN "serialNo" TEXT;

-- AlterTable
ALTER TABLE "HomeVisit" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "HomeVisit" ADD COLUMN "scheduledEnd" DATETIME;

-- CreateIndex
CREATE INDEX "Appointment_contactPhoneHash_serviceItemId_date_idx" ON "Appointment"("contactPhoneHash", "serviceItemId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_serialNo_key" ON "Disclosure"("serialNo");
