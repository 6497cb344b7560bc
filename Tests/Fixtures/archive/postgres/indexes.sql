-- agendac archive export: the indexes, made after the data (load.sql runs it).
CREATE INDEX IF NOT EXISTS items_search ON agendac_archive.items USING gin (search);
CREATE INDEX IF NOT EXISTS items_case_key ON agendac_archive.items (case_key);
CREATE INDEX IF NOT EXISTS meetings_committee_date ON agendac_archive.meetings (committee_slug, meeting_date);
CREATE INDEX IF NOT EXISTS meetings_municipality ON agendac_archive.meetings (municipality);
CREATE INDEX IF NOT EXISTS treatments_case ON agendac_archive.treatments (municipality, case_key);
CREATE INDEX IF NOT EXISTS treatments_case_key ON agendac_archive.treatments (case_key);
ANALYZE agendac_archive.meetings;
ANALYZE agendac_archive.items;
ANALYZE agendac_archive.cases;
ANALYZE agendac_archive.treatments;
ANALYZE agendac_archive.files;
