-- The table of registered applications read by R2dbcCorsApplicationRegistry, in SQL that
-- H2, PostgreSQL and MariaDB accept. Run it with Spring Boot's SQL initialization:
--   spring.sql.init.schema-locations: classpath:io/corsgateway/registry/r2dbc/schema.sql
-- (and spring.sql.init.mode: always for a database that is not embedded), or with your own
-- migration tool. With cors.registry.r2dbc.table set to another name, copy this script and
-- change the name.
--
-- id        the application's id, unique; named in messages about the application
-- origins   its origins, separated by commas or whitespace (an origin never contains a comma)
-- services  the service ids, or service-id/route-id, it is registered with, separated the same way
-- enabled   FALSE keeps the row stored without applying it
-- updated_at for people and audits: the registry compares whole rows, so writers need not set it
CREATE TABLE IF NOT EXISTS cors_application (
	id VARCHAR(128) PRIMARY KEY,
	origins VARCHAR(4000) NOT NULL,
	services VARCHAR(4000) NOT NULL,
	enabled BOOLEAN DEFAULT TRUE NOT NULL,
	updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);
