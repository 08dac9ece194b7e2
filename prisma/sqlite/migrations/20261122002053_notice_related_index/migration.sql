-- CreateIndex
CREATE INDEX "Notice_relatedNoticeId_idx" ON "Notice"("relatedNoticeId");
