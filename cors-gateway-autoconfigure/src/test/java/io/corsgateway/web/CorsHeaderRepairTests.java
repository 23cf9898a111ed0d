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
package io.corsgateway.web;

import java.util.List;

import io.netty.handler.codec.http.ReadOnlyHttpHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.corsgateway.policy.CorsHeader;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link CorsResponseHeaders#ensure}: each CORS response header ends up holding
 * exactly the policy's value, or is absent, whatever downstream wrote, and a header that
 * is already right is not written at all (a committed response's headers are read-only).
 *
 * @author cors-gateway authors
 */
class CorsHeaderRepairTests {

	private static final String SHOP = "https://shop.example.com";

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void missingHeaderIsAdded(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		edited.ensure(CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void downstreamValueIsReplaced(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		edited.ensure(CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void duplicatedRightValueCollapsesToOneLine(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		edited.ensure(CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void rightValueFollowedByAWrongOneIsRepaired(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		edited.ensure(CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void headerWrittenInAnotherCaseIsReplacedNotDoubled(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.set("ACCESS-CONTROL-ALLOW-METHODS", "GET, POST, PUT, DELETE");
		edited.ensure(CorsHeader.ALLOW_METHODS, "PUT");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("PUT");
		assertThat(headers.headerNames()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void immutableDownstreamValuesAreReplaced(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.put(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, List.of("X-Secret"));
		edited.ensure(CorsHeader.EXPOSE_HEADERS, "ETag");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("ETag");
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void headerThatMustBeAbsentIsRemoved(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.set("access-control-allow-credentials", "true");
		edited.ensure(CorsHeader.ALLOW_CREDENTIALS, null);
		assertThat(headers.headerNames()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void privateNetworkAccessChosenDownstreamIsRemoved(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.set("Access-Control-Allow-Private-Network", "true");
		edited.ensure(CorsHeader.ALLOW_PRIVATE_NETWORK, null);
		assertThat(headers.headerNames()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(EditedHeaders.Store.class)
	void otherHeadersAreLeftAlone(EditedHeaders.Store store) {
		EditedHeaders edited = EditedHeaders.of(store);
		HttpHeaders headers = edited.view();
		headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
		headers.set(HttpHeaders.CONTENT_TYPE, "text/plain");
		edited.ensure(CorsHeader.MAX_AGE, null);
		edited.ensure(CorsHeader.ALLOW_HEADERS, "X-Request-Id");
		assertThat(headers.get(HttpHeaders.CONTENT_TYPE)).containsExactly("text/plain");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("X-Request-Id");
		assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isFalse();
	}

	@Test
	void headerThatAlreadyHoldsTheValueIsNotWrittenAgain() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(headers);
		CorsResponseHeaders.SPRING.ensure(readOnly, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(readOnly.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void absentHeaderThatMustBeAbsentIsNotRemovedAgain() {
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());
		CorsResponseHeaders.SPRING.ensure(readOnly, CorsHeader.ALLOW_CREDENTIALS, null);
		assertThat(readOnly.headerNames()).isEmpty();
	}

	@Test
	void nettyHeaderThatAlreadyHoldsTheValueIsNotWrittenAgain() {
		ReadOnlyHttpHeaders readOnly = new ReadOnlyHttpHeaders(false, HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		NettyCorsResponseHeaders.INSTANCE.ensure(readOnly, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(readOnly.getAll(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void nettyAbsentHeaderThatMustBeAbsentIsNotRemovedAgain() {
		ReadOnlyHttpHeaders readOnly = new ReadOnlyHttpHeaders(false);
		NettyCorsResponseHeaders.INSTANCE.ensure(readOnly, CorsHeader.ALLOW_CREDENTIALS, null);
		assertThat(readOnly.isEmpty()).isTrue();
	}

}
