-- The sample's registered application, inserted into the embedded H2 at each start (the
-- in-memory database starts empty). With the postgres profile the rows are the database's own.
INSERT INTO cors_application (id, origins, services)
	VALUES ('partner-portal', 'https://portal.partner.example', 'catalog orders');
