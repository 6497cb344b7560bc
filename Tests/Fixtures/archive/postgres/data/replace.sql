-- The rows an earlier load of these municipalities left (their items, treatments and files go with them).
DELETE FROM agendac_archive.meetings WHERE municipality = 'Haderslev Kommune';
DELETE FROM agendac_archive.cases WHERE municipality = 'Haderslev Kommune';
DELETE FROM agendac_archive.meetings WHERE municipality = 'Herning Kommune';
DELETE FROM agendac_archive.cases WHERE municipality = 'Herning Kommune';
DELETE FROM agendac_archive.meetings WHERE municipality = 'Horsens Kommune';
DELETE FROM agendac_archive.cases WHERE municipality = 'Horsens Kommune';
