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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.corsgateway.policy.CorsApplication;
import io.corsgateway.policy.PolicyError;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RowReader}: what makes a row an application, and the report of a row
 * that is skipped, on rows made up in memory (conversion failures cannot be staged in a
 * real database of the schema's types).
 *
 * @author cors-gateway authors
 */
class RowReaderTests {

	private final RowReader reader = new RowReader("apps");

	@Test
	void enabledRowIsAnApplicationNamedByTheTableAndItsId() {
		StoredRow read = this.reader.read(row("portal", "https://portal.example", "orders", true), 1);
		assertThat(read.application()).isEqualTo(
				new CorsApplication("portal", List.of("https://portal.example"), List.of("orders"), "apps[id=portal]"));
		assertThat(read.skipped()).isNull();
	}

	@Test
	void listColumnsAreSeparatedByCommasAndWhitespace() {
		assertThat(RowReader.entries(" https://a.example,https://b.example \t https://c.example\r\n,, set:partners, "))
			.containsExactly("https://a.example", "https://b.example", "https://c.example", "set:partners");
		assertThat(RowReader.entries("orders/refunds,catalog")).containsExactly("orders/refunds", "catalog");
	}

	@Test
	void disabledRowIsNeitherAnApplicationNorReportedWhateverItHolds() {
		StoredRow read = this.reader.read(row("retired", null, " ", false), 1);
		assertThat(read.application()).isNull();
		assertThat(read.skipped()).isNull();
	}

	@Test
	void rowWithoutAnIdIsNamedByItsPosition() {
		PolicyError skipped = skipped(row(null, "https://a.example", "orders", true), 3);
		assertThat(skipped.property()).isEqualTo("apps[row 3].id");
		assertThat(skipped.value()).isNull();
		assertThat(skipped.reason())
			.isEqualTo("The row is skipped: its id is null. " + "Give it the application's id, unique in the table.");
	}

	@Test
	void rowWithABlankIdIsSkipped() {
		PolicyError skipped = skipped(row(" \t", "https://a.example", "orders", true), 2);
		assertThat(skipped.property()).isEqualTo("apps[row 2].id");
		assertThat(skipped.reason()).startsWith("The row is skipped: its id is blank.");
	}

	@Test
	void rowWithANullEnabledIsSkipped() {
		PolicyError skipped = skipped(row("portal", "https://a.example", "orders", null), 1);
		assertThat(skipped.property()).isEqualTo("apps[id=portal].enabled");
		assertThat(skipped.reason()).isEqualTo("Application 'portal' is skipped: its enabled column is null. "
				+ "Set it to TRUE to apply the application, or FALSE to keep it stored without applying it.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "origins", "services" })
	void rowWithANullListIsSkipped(String column) {
		Map<String, @Nullable Object> values = values("portal", "https://a.example", "orders", true);
		values.put(column, null);
		PolicyError skipped = skipped(row(values), 1);
		assertThat(skipped.property()).isEqualTo("apps[id=portal]." + column);
		assertThat(skipped.value()).isNull();
		assertThat(skipped.reason()).startsWith("Application 'portal' is skipped: its " + column + " column is null.")
			.contains("separated by commas or spaces");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", " , ,\t" })
	void rowWithAListWithoutEntriesIsSkipped(String text) {
		PolicyError skipped = skipped(row("portal", text, "orders", true), 1);
		assertThat(skipped.property()).isEqualTo("apps[id=portal].origins");
		assertThat(skipped.value()).isEqualTo(text.replace('\t', '?'));
		assertThat(skipped.reason()).isEqualTo("Application 'portal' is skipped: its origins column has no entry. "
				+ "Set it to the application's origins, separated by commas or spaces, such as "
				+ "'https://app.example https://admin.app.example'.");
	}

	@Test
	void columnTheDriverCannotConvertSkipsTheRowNamingTheColumnAndTheSchema() {
		Map<String, @Nullable Object> values = values("portal", "https://a.example", "orders", true);
		values.put("services", new IllegalArgumentException("Cannot decode value of type java.lang.String"));
		PolicyError skipped = skipped(row(values), 1);
		assertThat(skipped.property()).isEqualTo("apps[id=portal].services");
		assertThat(skipped.reason()).isEqualTo("Application 'portal' is skipped: its services column cannot be read "
				+ "as text (IllegalArgumentException: Cannot decode value of type java.lang.String). Make the "
				+ "column's type that of the schema script io/corsgateway/registry/r2dbc/schema.sql.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "enabled" })
	void idOrEnabledTheDriverCannotConvertSkipsTheRow(String column) {
		Map<String, @Nullable Object> values = values("portal", "https://a.example", "orders", true);
		values.put(column, new IllegalArgumentException("Cannot decode"));
		PolicyError skipped = skipped(row(values), 4);
		assertThat(skipped.property()).isEqualTo(column.equals("id") ? "apps[row 4].id" : "apps[id=portal].enabled");
		assertThat(skipped.reason()).contains("cannot be read as ")
			.contains("(IllegalArgumentException: Cannot decode)");
	}

	@Test
	void controlCharactersOfAStoredValueNeverReachAReport() {
		PolicyError skipped = skipped(row("evil\r\nWARN forged", "https://a.example", "\r\n\u000b", true), 1);
		assertThat(skipped.property()).isEqualTo("apps[id=evil??WARN forged].services");
		assertThat(skipped.value()).isEqualTo("???");
		assertThat(skipped.reason()).startsWith("Application 'evil??WARN forged' is skipped");
	}

	private PolicyError skipped(Readable row, long position) {
		StoredRow read = this.reader.read(row, position);
		assertThat(read.application()).isNull();
		assertThat(read.skipped()).isNotNull();
		return read.skipped();
	}

	private static Map<String, @Nullable Object> values(@Nullable String id, @Nullable String origins,
			@Nullable String services, @Nullable Boolean enabled) {
		Map<String, @Nullable Object> values = new HashMap<>();
		values.put("id", id);
		values.put("origins", origins);
		values.put("services", services);
		values.put("enabled", enabled);
		return values;
	}

	private static Readable row(@Nullable String id, @Nullable String origins, @Nullable String services,
			@Nullable Boolean enabled) {
		return row(values(id, origins, services, enabled));
	}

	// A value that is an exception is thrown, as a driver throws when it cannot convert.
	private static Readable row(Map<String, @Nullable Object> values) {
		return new Readable() {

			@Override
			public <T> T get(int index, Class<T> type) {
				throw new UnsupportedOperationException("Columns are read by name");
			}

			@Override
			public <T> T get(String name, Class<T> type) {
				assertThat(values).containsKey(name);
				Object value = values.get(name);
				if (value instanceof RuntimeException ex) {
					throw ex;
				}
				return type.cast(value);
			}

		};
	}

}
