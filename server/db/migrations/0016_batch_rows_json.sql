ALTER TABLE "stay_batches" ALTER COLUMN "rows" SET DATA TYPE json;--> statement-breakpoint
ALTER TABLE "stay_batches" ALTER COLUMN "results" SET DATA TYPE json;