-- AlterTable
ALTER TABLE "Appointment" ADD COLUMN     "cancelReason" TEXT,
ADD COLUMN     "contactPhoneHash" TEXT;

-- AlterTable
ALTER TABLE "Disclosure" ADD COLUMN     "applicantIdEnc" TEXT,
ADD COLUMN     "postalAddressEnc" TEXT,
ADD COLUMN     "serialNo" TEXT;

-- AlterTable
ALTER TABLE "HomeVisit" ADD COLUMN     "assigneeId" TEXT,
ADD COLUMN     "scheduledEnd" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Appointment_contactPhoneHash_serviceItemId_date_idx" ON "Appointment"("contactPhoneHash", "serviceItemId", "date");

-- CreateIndex
CREATE UNIQUE INDEX "Disclosure_serialNo_key" ON "Disclosure"("serialNo");
