/*
 * Copyright 2026 the cors-gateway authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.corsgateway.registry.r2dbc;

import java.util.ArrayList;
import java.util.List;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.LogText;
import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;

/**
 * Turns one row of the registry table into an application, or into the report of why the
 * row is skipped. Only what it takes to read a row is checked here: an id, whether the
 * row is enabled, and origins and services that are text with at least one entry. Whether
 * the origins are valid and the services exist is checked when the policies are built,
 * like for any other application.
 *
 * @author cors-gateway authors
 */
final class RowReader {

	/**
	 * The columns read, in the order of the schema script.
	 */
	static final String COLUMNS = "id, origins, services, enabled";

	private static final String SCHEMA = "Make the column's type that of the schema script "
			+ "io/corsgateway/registry/r2dbc/schema.sql.";

	private static final String ORIGINS_FIX = "Set it to the application's origins, separated by commas or spaces, "
			+ "such as 'https://app.example https://admin.app.example'.";

	private static final String SERVICES_FIX = "Set it to the ids of the services the application is registered with "
			+ "(or service-id/route-id for one route), separated by commas or spaces.";

	private final String table;

	RowReader(String table) {
		this.table = table;
	}

	/**
	 * Read a row.
	 * @param row the row
	 * @param position the row's position in the result, from 1, which names a row without
	 * a usable id
	 * @return the application, the reason it is skipped, or neither for a disabled row
	 */
	StoredRow read(Readable row, long position) {
		Cell id = Cell.read(row, "id", String.class);
		String unnamed = this.table + "[row " + position + "].id";
		if (id.failure() != null) {
			return StoredRow.skipped(unnamed, null,
					"The row is skipped: its id cannot be read as text (" + id.failure() + "). " + SCHEMA);
		}
		String idText = (String) id.value();
		if (idText == null || idText.isBlank()) {
			return StoredRow.skipped(unnamed, idText, "The row is skipped: its id is "
					+ ((idText != null) ? "blank" : "null") + ". Give it the application's id, unique in the table.");
		}
		String source = this.table + "[id=" + LogText.printable(idText) + "]";
		String skipped = "Application '" + LogText.printable(idText) + "' is skipped: ";
		Cell enabled = Cell.read(row, "enabled", Boolean.class);
		if (enabled.failure() != null || enabled.value() == null) {
			return StoredRow.skipped(source + ".enabled", null,
					skipped + "its enabled column "
							+ ((enabled.failure() != null)
									? "cannot be read as a boolean (" + enabled.failure() + "). " + SCHEMA
									: "is null. Set it to TRUE to apply the application, or FALSE to keep it "
											+ "stored without applying it."));
		}
		if (!((Boolean) enabled.value())) {
			return StoredRow.DISABLED;
		}
		Cell origins = Cell.read(row, "origins", String.class);
		PolicyError problem = listProblem(origins, source, "origins", skipped, ORIGINS_FIX);
		if (problem != null) {
			return new StoredRow(null, problem);
		}
		Cell services = Cell.read(row, "services", String.class);
		problem = listProblem(services, source, "services", skipped, SERVICES_FIX);
		if (problem != null) {
			return new StoredRow(null, problem);
		}
		return new StoredRow(new CorsApplication(idText, entries((String) origins.value()),
				entries((String) services.value()), source), null);
	}

	private static @Nullable PolicyError listProblem(Cell cell, String source, String column, String skipped,
			String fix) {
		String property = source + "." + column;
		if (cell.failure() != null) {
			return new PolicyError(property, null,
					skipped + "its " + column + " column cannot be read as text (" + cell.failure() + "). " + SCHEMA);
		}
		String text = (String) cell.value();
		if (text == null) {
			return new PolicyError(property, null, skipped + "its " + column + " column is null. " + fix);
		}
		if (entries(text).isEmpty()) {
			return new PolicyError(property, LogText.printable(text),
					skipped + "its " + column + " column has no entry. " + fix);
		}
		return null;
	}

	/**
	 * The entries of a list column: separated by commas or whitespace, empty ones left
	 * out.
	 * @param text the column's text
	 * @return the entries
	 */
	static List<String> entries(String text) {
		List<String> entries = new ArrayList<>();
		for (String entry : text.split("[,\\s]+")) {
			if (!entry.isEmpty()) {
				entries.add(entry);
			}
		}
		return entries;
	}

	/**
	 * A column's value, or what went wrong reading it.
	 */
	private record Cell(@Nullable Object value, @Nullable String failure) {

		static Cell read(Readable row, String column, Class<?> type) {
			try {
				return new Cell(row.get(column, type), null);
			}
			catch (RuntimeException ex) {
				// A driver's conversion error: reported with the row, so that the other
				// rows are still read.
				return new Cell(null, LogText.printable(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
			}
		}

	}

}
