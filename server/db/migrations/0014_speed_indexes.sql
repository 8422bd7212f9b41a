DROP TABLE "stay_receipt_counters" CASCADE;--> statement-breakpoint
DROP INDEX "persons_sponsor_idx";--> statement-breakpoint
DROP INDEX "persons_permit_valid_until_idx";--> statement-breakpoint
DROP INDEX "persons_recorded_by_idx";--> statement-breakpoint
DROP INDEX "persons_merged_into_idx";--> statement-breakpoint
CREATE INDEX "persons_sponsor_idx" ON "persons" USING btree ("sponsor_id") WHERE "persons"."sponsor_id" is not null;--> statement-breakpoint
CREATE INDEX "persons_permit_valid_until_idx" ON "persons" USING btree ("permit_valid_until") WHERE "persons"."permit_valid_until" is not null;--> statement-breakpoint
CREATE INDEX "persons_recorded_by_idx" ON "persons" USING btree ("recorded_by_agency_id") WHERE "persons"."recorded_by_agency_id" is not null;--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into") WHERE "persons"."merged_into" is not null;