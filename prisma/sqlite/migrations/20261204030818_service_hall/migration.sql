-- CreateTable
CREATE TABLE "HallLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "HallLine_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "HallLineItem" (
    "lineId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,

    PRIMARY KEY ("lineId", "serviceItemId"),
    CONSTRAINT "HallLineItem_lineId_fkey" FOREIGN KEY ("lineId") REFERENCES "HallLine" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketCounter" (
    "hallId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    PRIMARY KEY ("hallId", "date", "line")
);

-- CreateTable
CREATE TABLE "Ticket" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "line" TEXT NOT NULL,
    "lineName" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "residentId" TEXT,
    "appointmentId" TEXT,
    "contactName" TEXT,
    "contactPhoneEnc" TEXT,
    "activeKey" TEXT,
    "rankAt" DATETIME NOT NULL,
    "windowId" TEXT,
    "transferredTo" TEXT,
    "firstCalledAt" DATETIME,
    "calledAt" DATETIME,
    "doneAt" DATETIME,
    "skippedAt" DATETIME,
    "cancelledAt" DATETIME,
    "recallCount" INTEGER NOT NULL DEFAULT 0,
    "skipRecalled" BOOLEAN NOT NULL DEFAULT false,
    "nearNotified" BOOLEAN NOT NULL DEFAULT false,
    "issuedById" TEXT,
    "handledById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Ticket_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Ticket_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Ticket_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TicketEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ticketId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "windowId" TEXT,
    "staffId" TEXT,
    "at" DATETIME NOT NULL,
    CONSTRAINT "TicketEvent_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "Ticket" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Window" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "pausedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Window_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Window" ("active", "createdAt", "hallId", "id", "name", "number") SELECT "active", "createdAt", "hallId", "id", "name", "number" FROM "Window";
DROP TABLE "Window";
ALTER TABLE "new_Window" RENAME TO "Window";
CREATE UNIQUE INDEX "Window_hallId_number_key" ON "Window"("hallId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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
