CREATE TABLE "addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"text" text,
	"latitude" double precision,
	"longitude" double precision,
	"valid_from" date,
	"valid_to" date,
	"source_kind" text NOT NULL,
	"source_agency_id" uuid,
	"source_user_id" uuid,
	"source_ref" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "addresses_coordinates_ck" CHECK (("addresses"."latitude" is null and "addresses"."longitude" is null) or ("addresses"."latitude" between -90 and 90 and "addresses"."longitude" between -180 and 180)),
	CONSTRAINT "addresses_dates_ck" CHECK ("addresses"."valid_to" is null or "addresses"."valid_from" is null or "addresses"."valid_to" >= "addresses"."valid_from"),
	CONSTRAINT "addresses_source_kind_ck" CHECK ("addresses"."source_kind" in ('user', 'agency', 'import', 'stay_report'))
);
--> statement-breakpoint
CREATE TABLE "identity_claims" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"surname" text,
	"given_names" text,
	"full_name" text,
	"sex" text,
	"birth_date" text,
	"birth_place" text,
	"nationality" text,
	"superseded_at" timestamp with time zone,
	"source_kind" text NOT NULL,
	"source_agency_id" uuid,
	"source_user_id" uuid,
	"source_ref" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identity_claims_sex_ck" CHECK ("identity_claims"."sex" is null or "identity_claims"."sex" in ('M', 'F', 'X')),
	CONSTRAINT "identity_claims_birth_date_ck" CHECK ("identity_claims"."birth_date" is null or "identity_claims"."birth_date" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'),
	CONSTRAINT "identity_claims_source_kind_ck" CHECK ("identity_claims"."source_kind" in ('user', 'agency', 'import', 'stay_report'))
);
--> statement-breakpoint
CREATE TABLE "name_key_tokens" (
	"token_id" integer NOT NULL,
	"name_key_id" integer NOT NULL,
	CONSTRAINT "name_key_tokens_pk" PRIMARY KEY("token_id","name_key_id")
);
--> statement-breakpoint
CREATE TABLE "name_keys" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "name_keys_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"token_count" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "name_token_variants" (
	"variant" text NOT NULL,
	"token_id" integer NOT NULL,
	CONSTRAINT "name_token_variants_pk" PRIMARY KEY("variant","token_id")
);
--> statement-breakpoint
CREATE TABLE "name_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "name_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"token" text NOT NULL,
	"phonetic" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "permits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"visa_index" text,
	"number" text,
	"number_norm" text,
	"valid_from" date,
	"valid_until" date,
	"entry_date" date,
	"entry_port" text,
	"exit_date" date,
	"exit_port" text,
	"sponsor_id" uuid,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"source_kind" text NOT NULL,
	"source_agency_id" uuid,
	"source_user_id" uuid,
	"source_ref" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "permits_type_ck" CHECK ("permits"."type" in ('ITK', 'ITAS', 'ITAP', 'DIPLOMATIC', 'SERVICE')),
	CONSTRAINT "permits_dates_ck" CHECK ("permits"."valid_until" is null or "permits"."valid_from" is null or "permits"."valid_until" >= "permits"."valid_from"),
	CONSTRAINT "permits_source_kind_ck" CHECK ("permits"."source_kind" in ('user', 'agency', 'import', 'stay_report'))
);
--> statement-breakpoint
CREATE TABLE "person_names" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"surname" text DEFAULT '' NOT NULL,
	"given_names" text DEFAULT '' NOT NULL,
	"full_name" text,
	"search_name" text NOT NULL,
	"name_key_id" integer NOT NULL,
	"document_id" uuid,
	"source_kind" text NOT NULL,
	"source_agency_id" uuid,
	"source_user_id" uuid,
	"source_ref" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_names_kind_ck" CHECK ("person_names"."kind" in ('primary', 'alias', 'transliteration', 'document')),
	CONSTRAINT "person_names_source_kind_ck" CHECK ("person_names"."source_kind" in ('user', 'agency', 'import', 'stay_report'))
);
--> statement-breakpoint
CREATE TABLE "persons" (
	"id" uuid PRIMARY KEY NOT NULL,
	"surname" text DEFAULT '' NOT NULL,
	"given_names" text DEFAULT '' NOT NULL,
	"full_name" text,
	"sex" text,
	"birth_date" text,
	"birth_place" text,
	"nationality" text NOT NULL,
	"workplace" text,
	"notes" text,
	"sponsor_id" uuid,
	"recorded_by_agency_id" uuid,
	"region_code" text,
	"time_zone" text DEFAULT 'WIB' NOT NULL,
	"permit_id" uuid,
	"permit_type" text,
	"permit_valid_until" date,
	"exited_on" date,
	"document_expiry" date,
	"merged_into" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "persons_sex_ck" CHECK ("persons"."sex" is null or "persons"."sex" in ('M', 'F', 'X')),
	CONSTRAINT "persons_birth_date_ck" CHECK ("persons"."birth_date" is null or "persons"."birth_date" ~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'),
	CONSTRAINT "persons_nationality_ck" CHECK ("persons"."nationality" ~ '^[A-Z]{3}$'),
	CONSTRAINT "persons_name_ck" CHECK ("persons"."surname" <> '' or "persons"."given_names" <> ''),
	CONSTRAINT "persons_time_zone_ck" CHECK ("persons"."time_zone" in ('WIB', 'WITA', 'WIT'))
);
--> statement-breakpoint
CREATE TABLE "sponsors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"search_name" text NOT NULL,
	"registration_no" text,
	"contact_person" text,
	"phone" text,
	"email" text,
	"address" text,
	"region_code" text,
	"recorded_by_agency_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "sponsors_kind_ck" CHECK ("sponsors"."kind" in ('company', 'person'))
);
--> statement-breakpoint
CREATE TABLE "travel_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"type" text NOT NULL,
	"document_code" text,
	"number" text NOT NULL,
	"number_norm" text NOT NULL,
	"issuing_state" text NOT NULL,
	"issue_date" date,
	"expiry_date" date,
	"mrz_lines" text[],
	"superseded_at" timestamp with time zone,
	"source_kind" text NOT NULL,
	"source_agency_id" uuid,
	"source_user_id" uuid,
	"source_ref" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "travel_documents_type_ck" CHECK ("travel_documents"."type" in ('P', 'ID', 'V', 'OTHER')),
	CONSTRAINT "travel_documents_state_ck" CHECK ("travel_documents"."issuing_state" ~ '^[A-Z]{3}$'),
	CONSTRAINT "travel_documents_dates_ck" CHECK ("travel_documents"."expiry_date" is null or "travel_documents"."issue_date" is null or "travel_documents"."expiry_date" >= "travel_documents"."issue_date"),
	CONSTRAINT "travel_documents_source_kind_ck" CHECK ("travel_documents"."source_kind" in ('user', 'agency', 'import', 'stay_report'))
);
--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_source_agency_id_agencies_id_fk" FOREIGN KEY ("source_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "addresses" ADD CONSTRAINT "addresses_source_user_id_users_id_fk" FOREIGN KEY ("source_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_claims" ADD CONSTRAINT "identity_claims_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_claims" ADD CONSTRAINT "identity_claims_source_agency_id_agencies_id_fk" FOREIGN KEY ("source_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_claims" ADD CONSTRAINT "identity_claims_source_user_id_users_id_fk" FOREIGN KEY ("source_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_key_tokens" ADD CONSTRAINT "name_key_tokens_token_id_name_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."name_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_key_tokens" ADD CONSTRAINT "name_key_tokens_name_key_id_name_keys_id_fk" FOREIGN KEY ("name_key_id") REFERENCES "public"."name_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "name_token_variants" ADD CONSTRAINT "name_token_variants_token_id_name_tokens_id_fk" FOREIGN KEY ("token_id") REFERENCES "public"."name_tokens"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_source_agency_id_agencies_id_fk" FOREIGN KEY ("source_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "permits" ADD CONSTRAINT "permits_source_user_id_users_id_fk" FOREIGN KEY ("source_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_name_key_id_name_keys_id_fk" FOREIGN KEY ("name_key_id") REFERENCES "public"."name_keys"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_document_id_travel_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."travel_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_source_agency_id_agencies_id_fk" FOREIGN KEY ("source_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_names" ADD CONSTRAINT "person_names_source_user_id_users_id_fk" FOREIGN KEY ("source_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_sponsor_id_sponsors_id_fk" FOREIGN KEY ("sponsor_id") REFERENCES "public"."sponsors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_recorded_by_agency_id_agencies_id_fk" FOREIGN KEY ("recorded_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_permit_id_permits_id_fk" FOREIGN KEY ("permit_id") REFERENCES "public"."permits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "persons" ADD CONSTRAINT "persons_merged_into_persons_id_fk" FOREIGN KEY ("merged_into") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_region_code_regions_code_fk" FOREIGN KEY ("region_code") REFERENCES "public"."regions"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sponsors" ADD CONSTRAINT "sponsors_recorded_by_agency_id_agencies_id_fk" FOREIGN KEY ("recorded_by_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_source_agency_id_agencies_id_fk" FOREIGN KEY ("source_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "travel_documents" ADD CONSTRAINT "travel_documents_source_user_id_users_id_fk" FOREIGN KEY ("source_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "addresses_person_idx" ON "addresses" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "identity_claims_person_idx" ON "identity_claims" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "name_keys_key_uq" ON "name_keys" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "name_tokens_token_uq" ON "name_tokens" USING btree ("token" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "name_tokens_phonetic_idx" ON "name_tokens" USING btree ("phonetic");--> statement-breakpoint
CREATE INDEX "name_tokens_trgm_idx" ON "name_tokens" USING gin ("token" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "permits_number_idx" ON "permits" USING btree ("number_norm");--> statement-breakpoint
CREATE INDEX "permits_person_idx" ON "permits" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "permits_sponsor_idx" ON "permits" USING btree ("sponsor_id");--> statement-breakpoint
CREATE INDEX "person_names_person_idx" ON "person_names" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "person_names_name_key_idx" ON "person_names" USING btree ("name_key_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_names_one_primary_uq" ON "person_names" USING btree ("person_id") WHERE "person_names"."kind" = 'primary';--> statement-breakpoint
CREATE INDEX "persons_region_idx" ON "persons" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "persons_nationality_idx" ON "persons" USING btree ("nationality");--> statement-breakpoint
CREATE INDEX "persons_sponsor_idx" ON "persons" USING btree ("sponsor_id");--> statement-breakpoint
CREATE INDEX "persons_permit_valid_until_idx" ON "persons" USING btree ("permit_valid_until");--> statement-breakpoint
CREATE INDEX "persons_document_expiry_idx" ON "persons" USING btree ("document_expiry");--> statement-breakpoint
CREATE INDEX "persons_recorded_by_idx" ON "persons" USING btree ("recorded_by_agency_id");--> statement-breakpoint
CREATE INDEX "persons_merged_into_idx" ON "persons" USING btree ("merged_into");--> statement-breakpoint
CREATE INDEX "sponsors_region_idx" ON "sponsors" USING btree ("region_code" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "sponsors_search_trgm_idx" ON "sponsors" USING gin ("search_name" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "sponsors_registration_idx" ON "sponsors" USING btree ("registration_no");--> statement-breakpoint
CREATE INDEX "travel_documents_number_idx" ON "travel_documents" USING btree ("number_norm","issuing_state");--> statement-breakpoint
CREATE INDEX "travel_documents_person_idx" ON "travel_documents" USING btree ("person_id");