ALTER TABLE "stay_reports" DROP CONSTRAINT "stay_reports_accommodation_id_accommodations_id_fk";
