-- CreateTable
CREATE TABLE "Org" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "code" TEXT,
    "level" TEXT NOT NULL,
    "parentId" TEXT,
    "path" TEXT NOT NULL,
    "sort" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Org_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Org" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Staff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "username" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "roles" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "hallId" TEXT,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" DATETIME,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "lastLoginAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Staff_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Resident" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "openid" TEXT NOT NULL,
    "unionid" TEXT,
    "nickname" TEXT,
    "phoneEnc" TEXT,
    "consentVersion" TEXT,
    "consentAt" DATETIME,
    "elderMode" BOOLEAN NOT NULL DEFAULT false,
    "suspendedUntil" DATETIME,
    "tokenVersion" INTEGER NOT NULL DEFAULT 0,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "PrivacyConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "acceptedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "PrivacyConsent_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuthSession" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "Hall" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT,
    "openHours" TEXT,
    "queuePrefix" TEXT NOT NULL DEFAULT 'A',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Hall_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Window" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Window_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ServiceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "description" TEXT,
    "conditions" TEXT,
    "materials" JSONB NOT NULL,
    "legalBasis" TEXT,
    "timeLimitDays" INTEGER NOT NULL,
    "legalLimitDays" INTEGER,
    "feeFen" INTEGER NOT NULL DEFAULT 0,
    "feeText" TEXT,
    "fullyOnline" BOOLEAN NOT NULL DEFAULT false,
    "maxOneVisit" BOOLEAN NOT NULL DEFAULT true,
    "bookable" BOOLEAN NOT NULL DEFAULT true,
    "homeVisit" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ServiceItem_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "WindowServiceItem" (
    "windowId" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,

    PRIMARY KEY ("windowId", "serviceItemId"),
    CONSTRAINT "WindowServiceItem_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "WindowServiceItem_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SlotTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "windowId" TEXT,
    "weekday" INTEGER NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "serviceItemIds" JSONB,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SlotTemplate_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "SlotTemplate_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Slot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "hallId" TEXT NOT NULL,
    "windowId" TEXT,
    "windowKey" TEXT NOT NULL DEFAULT '',
    "templateId" TEXT,
    "date" TEXT NOT NULL,
    "start" TEXT NOT NULL,
    "end" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "capacity" INTEGER NOT NULL,
    "booked" INTEGER NOT NULL DEFAULT 0,
    "serviceItemIds" JSONB,
    "closed" BOOLEAN NOT NULL DEFAULT false,
    "closedReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Slot_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Slot_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Slot_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "SlotTemplate" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Appointment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT,
    "slotId" TEXT NOT NULL,
    "serviceItemId" TEXT NOT NULL,
    "hallId" TEXT NOT NULL,
    "windowId" TEXT,
    "date" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'BOOKED',
    "code" TEXT NOT NULL,
    "activeKey" TEXT,
    "contactName" TEXT NOT NULL,
    "contactPhoneEnc" TEXT NOT NULL,
    "note" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'APP',
    "bookedById" TEXT,
    "queueSeq" INTEGER,
    "queueNumber" TEXT,
    "checkedInAt" DATETIME,
    "calledAt" DATETIME,
    "doneAt" DATETIME,
    "cancelledAt" DATETIME,
    "noShowAt" DATETIME,
    "handledById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Appointment_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Appointment_slotId_fkey" FOREIGN KEY ("slotId") REFERENCES "Slot" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appointment_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appointment_hallId_fkey" FOREIGN KEY ("hallId") REFERENCES "Hall" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Appointment_windowId_fkey" FOREIGN KEY ("windowId") REFERENCES "Window" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "IdempotencyKey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "status" INTEGER,
    "body" JSONB,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "HomeVisit" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT,
    "serviceItemId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhoneEnc" TEXT NOT NULL,
    "addressEnc" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "preferredDays" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'REQUESTED',
    "scheduledAt" DATETIME,
    "declineReason" TEXT,
    "handlerId" TEXT,
    "doneAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "HomeVisit_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "HomeVisit_serviceItemId_fkey" FOREIGN KEY ("serviceItemId") REFERENCES "ServiceItem" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "orgId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "body" TEXT NOT NULL,
    "searchText" TEXT NOT NULL DEFAULT '',
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "authorId" TEXT NOT NULL,
    "reviewerId" TEXT,
    "rejectReason" TEXT,
    "publishAt" DATETIME,
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "relatedNoticeId" TEXT,
    "channel" TEXT NOT NULL DEFAULT '小程序',
    "views" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Notice_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Upload" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ownerType" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "mime" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "originalName" TEXT,
    "refType" TEXT,
    "refId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Rating" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "residentId" TEXT,
    "orgId" TEXT NOT NULL,
    "hallId" TEXT,
    "windowId" TEXT,
    "serviceItemId" TEXT,
    "level" INTEGER NOT NULL,
    "dimensions" JSONB,
    "tags" JSONB NOT NULL,
    "comment" TEXT,
    "channel" TEXT NOT NULL DEFAULT 'APP',
    "excluded" BOOLEAN NOT NULL DEFAULT false,
    "serviceDoneAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rating_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Rating_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Rectification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ratingId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "dueAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "result" TEXT,
    "residentSatisfied" BOOLEAN,
    "residentFeedback" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Rectification_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Rectification_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RectificationStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "rectificationId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "staffId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RectificationStep_rectificationId_fkey" FOREIGN KEY ("rectificationId") REFERENCES "Rectification" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RatingAppeal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ratingId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "requestedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "decidedById" TEXT,
    "decidedAt" DATETIME,
    "decisionNote" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RatingAppeal_ratingId_fkey" FOREIGN KEY ("ratingId") REFERENCES "Rating" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Consultation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT,
    "orgId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SUBMITTED',
    "allowPublish" BOOLEAN NOT NULL DEFAULT false,
    "contactConsent" BOOLEAN NOT NULL DEFAULT false,
    "dueAt" DATETIME NOT NULL,
    "assigneeId" TEXT,
    "firstRepliedAt" DATETIME,
    "repliedAt" DATETIME,
    "closedAt" DATETIME,
    "closedBy" TEXT,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "publishedAt" DATETIME,
    "publicTitle" TEXT,
    "publicQuestion" TEXT,
    "publicAnswer" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Consultation_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Consultation_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConsultationMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "consultationId" TEXT NOT NULL,
    "authorType" TEXT NOT NULL,
    "staffId" TEXT,
    "content" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ConsultationMessage_consultationId_fkey" FOREIGN KEY ("consultationId") REFERENCES "Consultation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Disclosure" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT,
    "orgId" TEXT NOT NULL,
    "applicantType" TEXT NOT NULL,
    "applicantName" TEXT,
    "description" TEXT NOT NULL,
    "purpose" TEXT,
    "form" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "contactPhoneEnc" TEXT NOT NULL,
    "channel" TEXT NOT NULL DEFAULT 'ONLINE',
    "receivedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RECEIVED',
    "dueAt" DATETIME NOT NULL,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "extensionDays" INTEGER NOT NULL DEFAULT 0,
    "correctionRequestedAt" DATETIME,
    "correctionRequest" TEXT,
    "correctionAnsweredAt" DATETIME,
    "correctionContent" TEXT,
    "pausedAt" DATETIME,
    "pausedWorkdays" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "outcomeDetail" TEXT,
    "replyContent" TEXT,
    "repliedAt" DATETIME,
    "closedAt" DATETIME,
    "handlerId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Disclosure_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Disclosure_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Org" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DisclosureEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "disclosureId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "staffId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DisclosureEvent_disclosureId_fkey" FOREIGN KEY ("disclosureId") REFERENCES "Disclosure" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "residentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "data" JSONB,
    "dedupeKey" TEXT NOT NULL,
    "readAt" DATETIME,
    "deliveryState" TEXT NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" DATETIME,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_residentId_fkey" FOREIGN KEY ("residentId") REFERENCES "Resident" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actorName" TEXT,
    "orgId" TEXT,
    "action" TEXT NOT NULL,
    "targetType" TEXT,
    "targetId" TEXT,
    "detail" JSONB,
    "ip" TEXT,
    "requestId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "CalendarOverride" (
    "date" TEXT NOT NULL PRIMARY KEY,
    "isWorkday" BOOLEAN NOT NULL,
    "note" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastKey" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "Org_code_key" ON "Org"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Org_path_key" ON "Org"("path");

-- CreateIndex
CREATE INDEX "Org_parentId_idx" ON "Org"("parentId");

-- CreateIndex
CREATE UNIQUE INDEX "Staff_username_key" ON "Staff"("username");

-- CreateIndex
CREATE INDEX "Staff_orgId_idx" ON "Staff"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Resident_openid_key" ON "Resident"("openid");

-- CreateIndex
CREATE INDEX "PrivacyConsent_residentId_idx" ON "PrivacyConsent"("residentId");

-- CreateIndex
CREATE INDEX "AuthSession_subjectType_subjectId_idx" ON "AuthSession"("subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Hall_orgId_idx" ON "Hall"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "Window_hallId_number_key" ON "Window"("hallId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ServiceItem_code_key" ON "ServiceItem"("code");

-- CreateIndex
CREATE INDEX "ServiceItem_orgId_category_idx" ON "ServiceItem"("orgId", "category");

-- CreateIndex
CREATE INDEX "WindowServiceItem_serviceItemId_idx" ON "WindowServiceItem"("serviceItemId");

-- CreateIndex
CREATE INDEX "SlotTemplate_hallId_idx" ON "SlotTemplate"("hallId");

-- CreateIndex
CREATE INDEX "Slot_date_hallId_idx" ON "Slot"("date", "hallId");

-- CreateIndex
CREATE UNIQUE INDEX "Slot_hallId_windowKey_date_start_key" ON "Slot"("hallId", "windowKey", "date", "start");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_activeKey_key" ON "Appointment"("activeKey");

-- CreateIndex
CREATE INDEX "Appointment_residentId_createdAt_idx" ON "Appointment"("residentId", "createdAt");

-- CreateIndex
CREATE INDEX "Appointment_hallId_date_status_idx" ON "Appointment"("hallId", "date", "status");

-- CreateIndex
CREATE INDEX "Appointment_slotId_idx" ON "Appointment"("slotId");

-- CreateIndex
CREATE INDEX "Appointment_status_doneAt_idx" ON "Appointment"("status", "doneAt");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_hallId_date_code_key" ON "Appointment"("hallId", "date", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Appointment_hallId_date_queueSeq_key" ON "Appointment"("hallId", "date", "queueSeq");

-- CreateIndex
CREATE INDEX "IdempotencyKey_createdAt_idx" ON "IdempotencyKey"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "IdempotencyKey_scope_key_key" ON "IdempotencyKey"("scope", "key");

-- CreateIndex
CREATE INDEX "HomeVisit_orgId_status_idx" ON "HomeVisit"("orgId", "status");

-- CreateIndex
CREATE INDEX "HomeVisit_residentId_idx" ON "HomeVisit"("residentId");

-- CreateIndex
CREATE INDEX "Notice_status_publishedAt_idx" ON "Notice"("status", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_status_category_publishedAt_idx" ON "Notice"("status", "category", "publishedAt");

-- CreateIndex
CREATE INDEX "Notice_orgId_status_idx" ON "Notice"("orgId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Upload_storageKey_key" ON "Upload"("storageKey");

-- CreateIndex
CREATE INDEX "Upload_ownerType_ownerId_idx" ON "Upload"("ownerType", "ownerId");

-- CreateIndex
CREATE INDEX "Upload_refType_refId_idx" ON "Upload"("refType", "refId");

-- CreateIndex
CREATE INDEX "Rating_orgId_createdAt_idx" ON "Rating"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_hallId_createdAt_idx" ON "Rating"("hallId", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_serviceItemId_createdAt_idx" ON "Rating"("serviceItemId", "createdAt");

-- CreateIndex
CREATE INDEX "Rating_residentId_idx" ON "Rating"("residentId");

-- CreateIndex
CREATE UNIQUE INDEX "Rating_subjectType_subjectId_key" ON "Rating"("subjectType", "subjectId");

-- CreateIndex
CREATE UNIQUE INDEX "Rectification_ratingId_key" ON "Rectification"("ratingId");

-- CreateIndex
CREATE INDEX "Rectification_orgId_status_idx" ON "Rectification"("orgId", "status");

-- CreateIndex
CREATE INDEX "Rectification_status_dueAt_idx" ON "Rectification"("status", "dueAt");

-- CreateIndex
CREATE INDEX "RectificationStep_rectificationId_idx" ON "RectificationStep"("rectificationId");

-- CreateIndex
CREATE INDEX "RatingAppeal_ratingId_idx" ON "RatingAppeal"("ratingId");

-- CreateIndex
CREATE INDEX "RatingAppeal_status_idx" ON "RatingAppeal"("status");

-- CreateIndex
CREATE INDEX "Consultation_residentId_createdAt_idx" ON "Consultation"("residentId", "createdAt");

-- CreateIndex
CREATE INDEX "Consultation_orgId_status_dueAt_idx" ON "Consultation"("orgId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "Consultation_published_publishedAt_idx" ON "Consultation"("published", "publishedAt");

-- CreateIndex
CREATE INDEX "ConsultationMessage_consultationId_createdAt_idx" ON "ConsultationMessage"("consultationId", "createdAt");

-- CreateIndex
CREATE INDEX "Disclosure_orgId_status_idx" ON "Disclosure"("orgId", "status");

-- CreateIndex
CREATE INDEX "Disclosure_receivedAt_idx" ON "Disclosure"("receivedAt");

-- CreateIndex
CREATE INDEX "Disclosure_residentId_idx" ON "Disclosure"("residentId");

-- CreateIndex
CREATE INDEX "DisclosureEvent_disclosureId_idx" ON "DisclosureEvent"("disclosureId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_residentId_createdAt_idx" ON "Notification"("residentId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_deliveryState_nextAttemptAt_idx" ON "Notification"("deliveryState", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "AuditLog_createdAt_idx" ON "AuditLog"("createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_orgId_createdAt_idx" ON "AuditLog"("orgId", "createdAt");

-- CreateIndex
CREATE INDEX "AuditLog_targetType_targetId_idx" ON "AuditLog"("targetType", "targetId");
