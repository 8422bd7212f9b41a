CREATE TABLE "receipt_signing_keys" (
	"key_id" text PRIMARY KEY NOT NULL,
	"public_key" text NOT NULL,
	"first_used_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "receipts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"accommodation_id" uuid NOT NULL,
	"property_name" text NOT NULL,
	"zone" text NOT NULL,
	"report_id" uuid NOT NULL,
	"report_kind" text NOT NULL,
	"guest_count" integer NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"payload" text,
	"key_id" text,
	"signature" text,
	CONSTRAINT "receipts_kind_ck" CHECK ("receipts"."report_kind" in ('check_in', 'check_out', 'extension', 'correction', 'cancellation')),
	CONSTRAINT "receipts_zone_ck" CHECK ("receipts"."zone" in ('WIB', 'WITA', 'WIT')),
	CONSTRAINT "receipts_guest_count_ck" CHECK ("receipts"."guest_count" >= 0),
	CONSTRAINT "receipts_signed_ck" CHECK (("receipts"."signature" is null) = ("receipts"."payload" is null) and ("receipts"."signature" is null) = ("receipts"."key_id" is null))
);
--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_accommodation_id_accommodations_id_fk" FOREIGN KEY ("accommodation_id") REFERENCES "public"."accommodations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "receipts_number_uq" ON "receipts" USING btree ("number");--> statement-breakpoint
CREATE INDEX "receipts_accommodation_issued_idx" ON "receipts" USING btree ("accommodation_id","issued_at");--> statement-breakpoint
CREATE INDEX "receipts_unsigned_idx" ON "receipts" USING btree ("issued_at") WHERE "receipts"."signature" is null;