COPY agendac_archive.cases (municipality, case_key, case_number, title, first_date, last_date, treatments) FROM STDIN;
Haderslev Kommune	21/24526	21/24526	Godkendelse af dagsorden	2025-10-20	2025-10-20	5
Haderslev Kommune	25/12638	25/12638	Status på implementeringen af arbejdspligten	2025-10-20	2025-10-20	1
Haderslev Kommune	25/25430	25/25430	Forberedelse JobCAMP 2025	2025-10-20	2025-10-20	1
Haderslev Kommune	25/25641	25/25641	Afsluttende status på partnerskabsaftale med Den Sociale Kapitalfond	2025-10-20	2025-10-20	1
Haderslev Kommune	25/4896	25/4896	Godkendelse af politiske pejlemærker - Beskæftigelsespolitik 2024-2027	2025-10-20	2025-10-20	1
Herning Kommune	00.00.00-P19-1719-10	00.00.00-P19-1719-10	Orientering om nøgletal på social- og beskæftigelsesområdet	2026-01-13	2026-01-13	1
Herning Kommune	00.00.00-P19-7-25	00.00.00-P19-7-25	Meddelelser til og fra formanden og udvalgets medlemmer	2026-01-13	2026-01-13	1
Herning Kommune	00.01.00-G01-4-25	00.01.00-G01-4-25	Præsentation af styrelsesvedtægten og lovgrundlaget	2026-01-13	2026-01-13	1
Herning Kommune	00.22.00-A00-3-25	00.22.00-A00-3-25	Introduktion til Social- og Beskæftigelsesrådets kerneopgave	2026-01-13	2026-01-13	1
Herning Kommune	00.22.02-A00-1-25	00.22.02-A00-1-25	Valg af Beskæftigelsesudvalgets formand og næstformand	2026-01-13	2026-01-13	1
Herning Kommune	15.00.00-A00-3-25	15.00.00-A00-3-25	Godkendelse af proces for udvikling af den fremtidige beskæftigelsesindsats	2026-01-13	2026-01-13	1
Herning Kommune	15.00.00-G01-9-25	15.00.00-G01-9-25	Generel orientering fra administrationen	2026-01-13	2026-01-13	1
Herning Kommune	85.00.00-G01-1-25	85.00.00-G01-1-25	Udvalgets arbejde	2026-01-13	2026-01-13	1
Herning Kommune	85.00.00-G01-2-25	85.00.00-G01-2-25	Godkendelse af temaplan for udvalgsmøder i 2026	2026-01-13	2026-01-13	1
Horsens Kommune	00.01.00-A00-10-25	00.01.00-A00-10-25	BI Gensidig orientering	2026-05-04	2026-06-01	4
Horsens Kommune	01.00.00-P20-1-18	01.00.00-P20-1-18	BI Udviklingsplan for Sundparken	2026-05-04	2026-05-04	1
Horsens Kommune	03.00.00-P05-1-26	03.00.00-P05-1-26	BI Dataprofil 2026 - Sundparken og Sønderbro	2026-05-04	2026-05-04	1
Horsens Kommune	15.00.00-A00-10-26	15.00.00-A00-10-26	BI Tilskud fra Beskæftigelsesministeriets pulje til opkvalificering af medarbejdere og ledere	2026-05-04	2026-05-04	1
Horsens Kommune	15.00.00-A00-9-26	15.00.00-A00-9-26	BI Introduktion til udsatte boligområder og samarbejdet om udviklingsplanen og den boligsociale helhedsplan	2026-05-04	2026-05-04	2
Horsens Kommune	15.00.00-P05-3-25	15.00.00-P05-3-25	BI Analyse af tilkendelse af førtidspension til personer under 40 år	2026-05-04	2026-06-01	2
Horsens Kommune	15.00.00-P20-2-26	15.00.00-P20-2-26	BI Beskæftigelsesindsatsen i Sundparken under udlejningsstoppet	2026-06-01	2026-06-01	1
Horsens Kommune	15.00.00-S00-2-26	15.00.00-S00-2-26	BI Budgetopfølgning pr. 30. april 2026	2026-06-01	2026-06-01	1
\.
