ALTER TABLE "name_key_tokens" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "name_token_variants" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "name_tokens" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "name_key_tokens" CASCADE;--> statement-breakpoint
DROP TABLE "name_token_variants" CASCADE;--> statement-breakpoint
DROP TABLE "name_tokens" CASCADE;--> statement-breakpoint
DROP INDEX "person_names_name_key_idx";--> statement-breakpoint
CREATE INDEX "person_names_name_key_idx" ON "person_names" USING btree ("name_key_id","person_id");