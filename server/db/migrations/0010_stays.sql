CREATE TABLE "stay_batches" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accommodation_id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"dry_run" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"row_count" integer NOT NULL,
	"accepted_count" integer DEFAULT 0 NOT NULL,
	"rejected_count" integer DEFAULT 0 NOT NULL,
	"rows" jsonb,
	"results" jsonb,
	"submitted_by_user_id" uuid,
	"submitted_by_key_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "stay_batches_status_ck" CHECK ("stay_batches"."status" in ('queued', 'processing', 'accepted', 'partially_rejected', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "stay_idempotency_keys" (
	"accommodation_id" uuid NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stay_idempotency_keys_accommodation_id_key_pk" PRIMARY KEY("accommodation_id","key")
);
--> statement-breakpoint
CREATE TABLE "stay_receipt_counters" (
	"accommodation_id" uuid PRIMARY KEY NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stay_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stay_id" uuid NOT NULL,
	"accommodation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"reason" text,
	"is_late" boolean DEFAULT false NOT NULL,
	"receipt_number" text NOT NULL,
	"channel" text NOT NULL,
	"batch_id" uuid,
	"reported_by_user_id" uuid,
	"reported_by_key_id" uuid,
	CONSTRAINT "stay_reports_kind_ck" CHECK ("stay_reports"."kind" in ('check_in', 'extension', 'check_out', 'correction', 'cancellation'))
);
--> statement-breakpoint
CREATE TABLE "stays" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accommodation_id" uuid NOT NULL,
	"village_code" text NOT NULL,
	"person_id" uuid NOT NULL,
	"group_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"arrived_at" timestamp with time zone NOT NULL,
	"expected_check_out" date NOT NULL,
	"checked_out_at" timestamp with time zone,
	"room" text,
	"visit_purpose" text NOT NULL,
	"guest" jsonb NOT NULL,
	"nationality" text NOT NULL,
	"is_late" boolean NOT NULL,
	"check_in_reported_at" timestamp with time zone NOT NULL,
	"person_link" text NOT NULL,
	"review_candidate_ids" jsonb,
	"channel" text NOT NULL,
	"batch_id" uuid,
	"receipt_number" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stays_status_ck" CHECK ("stays"."status" in ('open', 'checked_out', 'cancelled')),
	CONSTRAINT "stays_person_link_ck" CHECK ("stays"."person_link" in ('linked', 'new', 'new_flagged', 'new_pending')),
	CONSTRAINT "stays_channel_ck" CHECK ("stays"."channel" in ('form', 'api', 'batch', 'upload'))
);
--> statement-breakpoint
ALTER TABLE "stay_batches" ADD CONSTRAINT "stay_batches_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_batches" ADD CONSTRAINT "stay_batches_submitted_by_user_id_users_id_fk" FOREIGN KEY ("submitted_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_batches" ADD CONSTRAINT "stay_batches_submitted_by_key_id_accommodation_api_keys_id_fk" FOREIGN KEY ("submitted_by_key_id") REFERENCES "public"."accommodation_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_idempotency_keys" ADD CONSTRAINT "stay_idempotency_keys_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_receipt_counters" ADD CONSTRAINT "stay_receipt_counters_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_reports" ADD CONSTRAINT "stay_reports_stay_id_stays_id_fk" FOREIGN KEY ("stay_id") REFERENCES "public"."stays"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_reports" ADD CONSTRAINT "stay_reports_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_reports" ADD CONSTRAINT "stay_reports_reported_by_user_id_users_id_fk" FOREIGN KEY ("reported_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stay_reports" ADD CONSTRAINT "stay_reports_reported_by_key_id_accommodation_api_keys_id_fk" FOREIGN KEY ("reported_by_key_id") REFERENCES "public"."accommodation_api_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stays" ADD CONSTRAINT "stays_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stay_batches_accommodation_idx" ON "stay_batches" USING btree ("accommodation_id","created_at");--> statement-breakpoint
CREATE INDEX "stay_reports_stay_idx" ON "stay_reports" USING btree ("stay_id","reported_at");--> statement-breakpoint
CREATE INDEX "stay_reports_accommodation_idx" ON "stay_reports" USING btree ("accommodation_id","reported_at");--> statement-breakpoint
CREATE UNIQUE INDEX "stay_reports_receipt_uq" ON "stay_reports" USING btree ("accommodation_id","receipt_number");--> statement-breakpoint
CREATE UNIQUE INDEX "stays_open_person_uq" ON "stays" USING btree ("accommodation_id","person_id") WHERE "stays"."status" = 'open';--> statement-breakpoint
CREATE INDEX "stays_accommodation_idx" ON "stays" USING btree ("accommodation_id","status");--> statement-breakpoint
CREATE INDEX "stays_village_idx" ON "stays" USING btree ("village_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "stays_person_idx" ON "stays" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "stays_arrived_idx" ON "stays" USING btree ("arrived_at");--> statement-breakpoint
CREATE INDEX "stays_review_idx" ON "stays" USING btree ("person_link") WHERE "stays"."person_link" = 'new_pending';