-- The sample's registered application. The embedded H2 starts empty at each start; in a
-- database that keeps its rows (the postgres profile) the row is only inserted when missing.
INSERT INTO cors_application (id, origins, services)
	SELECT 'partner-portal', 'https://portal.partner.example', 'catalog orders'
	WHERE NOT EXISTS (SELECT 1 FROM cors_application WHERE id = 'partner-portal');
