CREATE TABLE "accommodation_api_keys" (
	"id" uuid PRIMARY KEY NOT NULL,
	"accommodation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"token_hint" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "accommodation_operators" (
	"accommodation_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accommodation_operators_accommodation_id_user_id_pk" PRIMARY KEY("accommodation_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "accommodations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"kind" text NOT NULL,
	"nib" text NOT NULL,
	"address" text NOT NULL,
	"village_code" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"phone" text NOT NULL,
	"email" text NOT NULL,
	"pic_name" text NOT NULL,
	"pic_phone" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_reason" text,
	"status_changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_changed_by" uuid,
	"verified_at" timestamp with time zone,
	"applicant_email" text NOT NULL,
	"applicant_password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accommodations_status_ck" CHECK ("accommodations"."status" in ('pending', 'verified', 'rejected', 'suspended')),
	CONSTRAINT "accommodations_pin_ck" CHECK (("accommodations"."latitude" is null) = ("accommodations"."longitude" is null))
);
--> statement-breakpoint
ALTER TABLE "accommodation_api_keys" ADD CONSTRAINT "accommodation_api_keys_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_api_keys" ADD CONSTRAINT "accommodation_api_keys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_api_keys" ADD CONSTRAINT "accommodation_api_keys_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_operators" ADD CONSTRAINT "accommodation_operators_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodation_operators" ADD CONSTRAINT "accommodation_operators_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodations" ADD CONSTRAINT "accommodations_village_code_regions_code_fk" FOREIGN KEY ("village_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "accommodations" ADD CONSTRAINT "accommodations_status_changed_by_users_id_fk" FOREIGN KEY ("status_changed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accommodation_api_keys_token_uq" ON "accommodation_api_keys" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "accommodation_api_keys_accommodation_idx" ON "accommodation_api_keys" USING btree ("accommodation_id");--> statement-breakpoint
CREATE INDEX "accommodation_operators_user_idx" ON "accommodation_operators" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "accommodations_village_idx" ON "accommodations" USING btree ("village_code");--> statement-breakpoint
CREATE INDEX "accommodations_status_idx" ON "accommodations" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "accommodations_nib_name_uq" ON "accommodations" USING btree ("nib","name_key") WHERE "accommodations"."status" <> 'rejected';