COPY agendac_archive.meetings (id, municipality, committee, committee_slug, meeting_date, time_suffix, starts_at, ends_at, place, stage, revision) FROM STDIN;
haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	Haderslev Kommune	Beskæftigelse- og Borgerserviceudvalget (2022-2025)	beskaeftigelse-og-borgerserviceudvalget-2022-2025	2025-10-20		2025-10-20T15:30:00+02:00	\N	Mødelokale Slotsbjerg	minutes	1
herning-kommune/beskaeftigelsesudvalget/2026-01-13	Herning Kommune	Beskæftigelsesudvalget	beskaeftigelsesudvalget	2026-01-13		2026-01-13T13:30:00+01:00	\N	C3.40	minutes	1
horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	Horsens Kommune	Beskæftigelses- og Integrationsudvalget	beskaeftigelses-og-integrationsudvalget	2026-05-04		2026-05-04T15:00:00+02:00	\N	Mødelokale 14	approved	1
horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	Horsens Kommune	Beskæftigelses- og Integrationsudvalget	beskaeftigelses-og-integrationsudvalget	2026-06-01		2026-06-01T15:00:00+02:00	2026-06-01T17:30:00+02:00	Mødelokale 14	agenda	1
\.
