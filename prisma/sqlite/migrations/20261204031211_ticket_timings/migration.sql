-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Ticket" (
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
    "hour" INTEGER NOT NULL,
    "waitSeconds" INTEGER,
    "serviceSeconds" INTEGER,
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
INSERT INTO "new_Ticket" ("activeKey", "appointmentId", "calledAt", "cancelledAt", "channel", "contactName", "contactPhoneEnc", "createdAt", "date", "doneAt", "firstCalledAt", "hallId", "handledById", "id", "issuedById", "line", "lineName", "nearNotified", "number", "rankAt", "recallCount", "residentId", "seq", "serviceItemId", "skipRecalled", "skippedAt", "status", "transferredTo", "updatedAt", "windowId") SELECT "activeKey", "appointmentId", "calledAt", "cancelledAt", "channel", "contactName", "contactPhoneEnc", "createdAt", "date", "doneAt", "firstCalledAt", "hallId", "handledById", "id", "issuedById", "line", "lineName", "nearNotified", "number", "rankAt", "recallCount", "residentId", "seq", "serviceItemId", "skipRecalled", "skippedAt", "status", "transferredTo", "updatedAt", "windowId" FROM "Ticket";
DROP TABLE "Ticket";
ALTER TABLE "new_Ticket" RENAME TO "Ticket";
CREATE UNIQUE INDEX "Ticket_appointmentId_key" ON "Ticket"("appointmentId");
CREATE UNIQUE INDEX "Ticket_activeKey_key" ON "Ticket"("activeKey");
CREATE INDEX "Ticket_hallId_date_status_rankAt_idx" ON "Ticket"("hallId", "date", "status", "rankAt");
CREATE INDEX "Ticket_residentId_date_idx" ON "Ticket"("residentId", "date");
CREATE INDEX "Ticket_windowId_doneAt_idx" ON "Ticket"("windowId", "doneAt");
CREATE INDEX "Ticket_status_doneAt_idx" ON "Ticket"("status", "doneAt");
CREATE INDEX "Ticket_date_hallId_idx" ON "Ticket"("date", "hallId");
CREATE UNIQUE INDEX "Ticket_hallId_date_number_key" ON "Ticket"("hallId", "date", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
