-- One stored application, inserted by Spring Boot's SQL initialization in the tests.
INSERT INTO cors_application (id, origins, services) VALUES ('portal', 'https://portal.example', 'orders');
