-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Notice_status_pinned_publishedAt_id_idx" ON "Notice"("status", "pinned", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Notice_status_category_pinned_publishedAt_id_idx" ON "Notice"("status", "category", "pinned", "publishedAt", "id");
