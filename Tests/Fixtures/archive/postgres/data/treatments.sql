COPY agendac_archive.treatments (municipality, case_key, meeting_id, position, link) FROM STDIN;
Haderslev Kommune	21/24526	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	1	sagsnr
Haderslev Kommune	25/25641	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	2	sagsnr
Haderslev Kommune	25/4896	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	3	sagsnr
Haderslev Kommune	25/12638	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	4	sagsnr
Haderslev Kommune	25/25430	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	5	sagsnr
Haderslev Kommune	21/24526	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	6	sagsnr
Haderslev Kommune	21/24526	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	7	sagsnr
Haderslev Kommune	21/24526	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	8	sagsnr
Haderslev Kommune	21/24526	haderslev-kommune/beskaeftigelse-og-borgerserviceudvalget-2022-2025/2025-10-20	9	sagsnr
Herning Kommune	00.22.02-A00-1-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	1	sagsnr
Herning Kommune	85.00.00-G01-1-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	2	sagsnr
Herning Kommune	00.01.00-G01-4-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	3	sagsnr
Herning Kommune	00.22.00-A00-3-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	4	sagsnr
Herning Kommune	15.00.00-A00-3-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	5	sagsnr
Herning Kommune	85.00.00-G01-2-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	6	sagsnr
Herning Kommune	00.00.00-P19-1719-10	herning-kommune/beskaeftigelsesudvalget/2026-01-13	7	sagsnr
Herning Kommune	00.00.00-P19-7-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	8	sagsnr
Herning Kommune	15.00.00-G01-9-25	herning-kommune/beskaeftigelsesudvalget/2026-01-13	9	sagsnr
Horsens Kommune	15.00.00-A00-9-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	1	sagsnr
Horsens Kommune	15.00.00-A00-9-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	2	sagsnr
Horsens Kommune	01.00.00-P20-1-18	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	3	sagsnr
Horsens Kommune	03.00.00-P05-1-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	4	sagsnr
Horsens Kommune	15.00.00-P05-3-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	5	sagsnr
Horsens Kommune	15.00.00-A00-10-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	6	sagsnr
Horsens Kommune	00.01.00-A00-10-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	7	sagsnr
Horsens Kommune	00.01.00-A00-10-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	8	sagsnr
Horsens Kommune	15.00.00-P05-3-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	1	sagsnr
Horsens Kommune	15.00.00-S00-2-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	2	sagsnr
Horsens Kommune	15.00.00-P20-2-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	3	sagsnr
Horsens Kommune	00.01.00-A00-10-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	5	sagsnr
Horsens Kommune	00.01.00-A00-10-25	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	6	sagsnr
Horsens Kommune	01.00.00-P20-1-18	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-06-01	3	sagens gang
Horsens Kommune	15.00.00-P20-2-26	horsens-kommune/beskaeftigelses-og-integrationsudvalget/2026-05-04	3	sagens gang
\.
