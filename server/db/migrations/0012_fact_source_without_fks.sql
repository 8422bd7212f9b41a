ALTER TABLE "addresses" DROP CONSTRAINT "addresses_source_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "addresses" DROP CONSTRAINT "addresses_source_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "identity_claims" DROP CONSTRAINT "identity_claims_source_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "identity_claims" DROP CONSTRAINT "identity_claims_source_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "permits" DROP CONSTRAINT "permits_source_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "permits" DROP CONSTRAINT "permits_source_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "person_names" DROP CONSTRAINT "person_names_source_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "person_names" DROP CONSTRAINT "person_names_source_user_id_users_id_fk";
--> statement-breakpoint
ALTER TABLE "travel_documents" DROP CONSTRAINT "travel_documents_source_agency_id_agencies_id_fk";
--> statement-breakpoint
ALTER TABLE "travel_documents" DROP CONSTRAINT "travel_documents_source_user_id_users_id_fk";
