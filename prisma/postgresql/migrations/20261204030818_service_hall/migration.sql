-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('WAITING', 'CALLED', 'DONE', 'SKIPPED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Window" ADD COLUMN     "paused" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "pausedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "HallLine" (
    "id" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "HallLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HallLineItem" (
    "lineId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,

    CONSTRAINT "HallLineItem_pkey" PRIMARY KEY ("lineId","serviceItemId")
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "hallId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "TicketCounter_pkey" PRIMARY KEY ("hallId","date","line")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "lineName" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'WAITING',
    "residentId" TEXT,
    "appointmentId" TEXT,
    "contactName" TEXT,
    "contactPhoneEnc" TEXT,
    "activeKey" TEXT,
    "rankAt" TIMESTAMP(3) NOT NULL,
    "windowId" TEXT,
    "transferredTo" TEXT,
    "firstCalledAt" TIMESTAMP(3),
    "calledAt" TIMESTAMP(3),
    "doneAt" TIMESTAMP(3),
    "skippedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "recallCount" INTEGER NOT NULL DEFAULT 0,
    "skipRecalled" BOOLEAN NOT NULL DEFAULT false,
    "nearNotified" BOOLEAN NOT NULL DEFAULT false,
    "issuedById" TEXT,
    "handledById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL,
    "ticketId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "windowId" TEXT,
    "staffId" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TicketEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "HallLine_hallId_prefix_key" ON "HallLine"("hallId", "prefix");

-- CreateIndex
CREATE UNIQUE INDEX "HallLineItem_hallId_serviceItemId_key" ON "HallLineItem"("hallId", "serviceItemId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_appointmentId_key" ON "Ticket"("appointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_activeKey_key" ON "Ticket"("activeKey");

-- CreateIndex
CREATE INDEX "Ticket_hallId_date_status_rankAt_idx" ON "Ticket"("hallId", "date", "status", "rankAt");

-- CreateIndex
CREATE INDEX "Ticket_residentId_date_idx" ON "Ticket"("residentId", "date");

-- CreateIndex
CREATE INDEX "Ticket_windowId_doneAt_idx" ON "Ticket"("windowId", "doneAt");

-- CreateIndex
CREATE INDEX "Ticket_status_doneAt_idx" ON "Ticket"("status", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "Ticket_hallId_date_number_key" ON "Ticket"("hallId", "date", "number");

-- CreateIndex
CREATE INDEX "TicketEvent_hallId_at_idx" ON "TicketEvent"("hallId", "at");

-- CreateIndex
CREATE INDEX "TicketEvent_ticketId_idx" ON "TicketEvent"("ticketId");

-- AddForeignKey
ALTER TABLE "HallLine" ADD CONSTRAINT "HallLine_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HallLineItem" ADD CONSTRAINT "HallLineItem_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "HallLine"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Ticket" ADD CONSTRAINT "Ticket_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TicketEvent" ADD CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket"("id") ON DELETE CASCADE ON UPDATE CASCADE;
