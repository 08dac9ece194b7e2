-- CreateTable
CREATE TABLE "CacheVersion" (
    "name" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CacheVersion_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Notice_status_pinned_publishedAt_id_idx" ON "Notice"("status", "pinned", "publishedAt", "id");

-- CreateIndex
CREATE INDEX "Notice_status_category_pinned_publishedAt_id_idx" ON "Notice"("status", "category", "pinned", "publishedAt", "id");
