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

import org.junit.jupiter.api.Test;

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

	@Test
	void missingHeaderIsAdded() {
		HttpHeaders headers = new HttpHeaders();
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void downstreamValueIsReplaced() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void duplicatedRightValueCollapsesToOneLine() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void rightValueFollowedByAWrongOneIsRepaired() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		headers.add(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void headerWrittenInAnotherCaseIsReplacedNotDoubled() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("ACCESS-CONTROL-ALLOW-METHODS", "GET, POST, PUT, DELETE");
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_METHODS, "PUT");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS)).containsExactly("PUT");
		assertThat(headers.headerNames()).hasSize(1);
	}

	@Test
	void immutableDownstreamValuesAreReplaced() {
		HttpHeaders headers = new HttpHeaders();
		headers.put(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, List.of("X-Secret"));
		CorsResponseHeaders.ensure(headers, CorsHeader.EXPOSE_HEADERS, "ETag");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS)).containsExactly("ETag");
	}

	@Test
	void headerThatMustBeAbsentIsRemoved() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("access-control-allow-credentials", "true");
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_CREDENTIALS, null);
		assertThat(headers.headerNames()).isEmpty();
	}

	@Test
	void privateNetworkAccessChosenDownstreamIsRemoved() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Access-Control-Allow-Private-Network", "true");
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_PRIVATE_NETWORK, null);
		assertThat(headers.headerNames()).isEmpty();
	}

	@Test
	void otherHeadersAreLeftAlone() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
		headers.set(HttpHeaders.CONTENT_TYPE, "text/plain");
		CorsResponseHeaders.ensure(headers, CorsHeader.MAX_AGE, null);
		CorsResponseHeaders.ensure(headers, CorsHeader.ALLOW_HEADERS, "X-Request-Id");
		assertThat(headers.get(HttpHeaders.CONTENT_TYPE)).containsExactly("text/plain");
		assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS)).containsExactly("X-Request-Id");
		assertThat(headers.containsHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE)).isFalse();
	}

	@Test
	void headerThatAlreadyHoldsTheValueIsNotWrittenAgain() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, SHOP);
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(headers);
		CorsResponseHeaders.ensure(readOnly, CorsHeader.ALLOW_ORIGIN, SHOP);
		assertThat(readOnly.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).containsExactly(SHOP);
	}

	@Test
	void absentHeaderThatMustBeAbsentIsNotRemovedAgain() {
		HttpHeaders readOnly = HttpHeaders.readOnlyHttpHeaders(new HttpHeaders());
		CorsResponseHeaders.ensure(readOnly, CorsHeader.ALLOW_CREDENTIALS, null);
		assertThat(readOnly.headerNames()).isEmpty();
	}

}
