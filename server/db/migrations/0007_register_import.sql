CREATE TABLE "register_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"file_hash" text NOT NULL,
	"content" "bytea" NOT NULL,
	"status" text NOT NULL,
	"header_row" integer NOT NULL,
	"headers" jsonb NOT NULL,
	"detected_mapping" jsonb NOT NULL,
	"mapping" jsonb NOT NULL,
	"data_rows" integer NOT NULL,
	"delimiter" text DEFAULT ',' NOT NULL,
	"counts" jsonb,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"failure" text,
	"created_by_user_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"actor" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"committed_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "register_imports_format_ck" CHECK ("register_imports"."format" in ('csv', 'xlsx')),
	CONSTRAINT "register_imports_status_ck" CHECK ("register_imports"."status" in ('uploaded', 'checked', 'queued', 'running', 'committed', 'failed'))
);--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "register_imports" ADD CONSTRAINT "register_imports_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "register_imports_hash_idx" ON "register_imports" USING btree ("agency_id","file_hash");--> statement-breakpoint
CREATE INDEX "register_imports_agency_idx" ON "register_imports" USING btree ("agency_id","created_at");