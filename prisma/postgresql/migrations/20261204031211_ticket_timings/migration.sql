-- AlterTable
ALTER TABLE "Ticket" ADD COLUMN     "hour" INTEGER NOT NULL,
ADD COLUMN     "serviceSeconds" INTEGER,
ADD COLUMN     "waitSeconds" INTEGER;

-- CreateIndex
CREATE INDEX "Ticket_date_hallId_idx" ON "Ticket"("date", "hallId");
