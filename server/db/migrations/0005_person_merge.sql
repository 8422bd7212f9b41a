CREATE TABLE "person_merges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"moved" jsonb NOT NULL,
	"merged_at" timestamp with time zone NOT NULL,
	"merged_by_user_id" uuid,
	"merged_by_name" text,
	"undone_at" timestamp with time zone,
	"undone_by_user_id" uuid,
	"undone_by_name" text,
	"undo_reason" text,
	CONSTRAINT "person_merges_distinct_ck" CHECK ("person_merges"."source_id" <> "person_merges"."target_id")
);
--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_source_id_persons_id_fk" FOREIGN KEY ("source_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_target_id_persons_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_merged_by_user_id_users_id_fk" FOREIGN KEY ("merged_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_merges" ADD CONSTRAINT "person_merges_undone_by_user_id_users_id_fk" FOREIGN KEY ("undone_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_merges_source_idx" ON "person_merges" USING btree ("source_id");--> statement-breakpoint
CREATE INDEX "person_merges_target_idx" ON "person_merges" USING btree ("target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_merges_active_source_uq" ON "person_merges" USING btree ("source_id") WHERE "person_merges"."undone_at" is null;