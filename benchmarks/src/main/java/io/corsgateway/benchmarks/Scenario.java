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
package io.corsgateway.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * The requests {@link CorsFilterBenchmark} sends, each with the outcome every filter must
 * produce before it is measured.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum Scenario {

	/** A same-site or non-browser {@code GET} without {@code Origin}. */
	NO_ORIGIN,

	/** A simple {@code GET} from one of the exact allowed origins. */
	EXACT_ORIGIN_GET,

	/** A simple {@code GET} from an origin covered by a subdomain wildcard. */
	WILDCARD_ORIGIN_GET,

	/** A preflight for {@code PUT} with two requested headers, from an exact origin. */
	ALLOWED_PREFLIGHT,

	/** A preflight from an origin that is not allowed. */
	REJECTED_PREFLIGHT;

	private static final String REQUEST_HOST = "https://api.example.com";

	private static final String REJECTED_ORIGIN = "https://evil.example.org";

	/** The method every preflight asks for. */
	static final String REQUESTED_METHOD = "PUT";

	/** The headers every preflight asks for. */
	static final String REQUESTED_HEADERS = "content-type,x-request-id";

	/**
	 * The request of this scenario, built once per trial.
	 * @param size the configuration size, which decides the path and origins
	 * @return the request
	 */
	MockServerHttpRequest request(Size size) {
		String url = REQUEST_HOST + size.requestPath();
		return switch (this) {
			case NO_ORIGIN -> MockServerHttpRequest.get(url).build();
			case EXACT_ORIGIN_GET, WILDCARD_ORIGIN_GET ->
				MockServerHttpRequest.get(url).header(HttpHeaders.ORIGIN, origin(size)).build();
			case ALLOWED_PREFLIGHT,
					REJECTED_PREFLIGHT ->
				MockServerHttpRequest.options(url)
					.header(HttpHeaders.ORIGIN, origin(size))
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, REQUESTED_METHOD)
					.header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, REQUESTED_HEADERS)
					.build();
		};
	}

	private @Nullable String origin(Size size) {
		return switch (this) {
			case NO_ORIGIN -> null;
			case EXACT_ORIGIN_GET, ALLOWED_PREFLIGHT -> size.exactOrigin();
			case WILDCARD_ORIGIN_GET -> BenchmarkPolicies.wildcardCoveredOrigin(size.targetService());
			case REJECTED_PREFLIGHT -> REJECTED_ORIGIN;
		};
	}

	/**
	 * Check that a CORS filter produced this scenario's outcome, so that a benchmark
	 * never measures a broken path.
	 * @param filter the name of the filter, for the message
	 * @param size the configuration size
	 * @param response the response after one run
	 * @param chainCalled whether the filter passed the request on
	 * @throws IllegalStateException when the outcome is not the expected one
	 */
	void verify(String filter, Size size, ServerHttpResponse response, boolean chainCalled) {
		HttpHeaders headers = response.getHeaders();
		String allowOrigin = headers.getFirst(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
		HttpStatusCode status = response.getStatusCode();
		boolean expected = switch (this) {
			case NO_ORIGIN -> chainCalled && allowOrigin == null && isSuccess(status);
			case EXACT_ORIGIN_GET, WILDCARD_ORIGIN_GET -> chainCalled && Objects.equals(origin(size), allowOrigin)
					&& isSuccess(status) && containsToken(headers.get(HttpHeaders.VARY), "Origin");
			case ALLOWED_PREFLIGHT -> !chainCalled && Objects.equals(origin(size), allowOrigin) && isSuccess(status)
					&& containsToken(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS), "PUT")
					&& containsToken(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS), "content-type")
					&& containsToken(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS), "x-request-id");
			case REJECTED_PREFLIGHT -> !chainCalled && allowOrigin == null && HttpStatus.FORBIDDEN.equals(status);
		};
		if (!expected) {
			throw new IllegalStateException(filter + " did not handle " + this + " (" + size
					+ ") as expected: chain called " + chainCalled + ", status " + status + ", headers " + headers);
		}
	}

	/**
	 * Check that the harness passed the request on and wrote no CORS header.
	 * @param response the response after one run
	 * @param chainCalled whether the harness filter passed the request on
	 */
	void verifyHarness(ServerHttpResponse response, boolean chainCalled) {
		if (!chainCalled || !response.getHeaders().isEmpty() || !response.isCommitted()) {
			throw new IllegalStateException("The harness did not complete " + this + " untouched: chain called "
					+ chainCalled + ", headers " + response.getHeaders());
		}
	}

	// A status left unset is sent as 200.
	private static boolean isSuccess(@Nullable HttpStatusCode status) {
		return status == null || status.is2xxSuccessful();
	}

	private static boolean containsToken(@Nullable List<String> values, String token) {
		if (values == null) {
			return false;
		}
		String wanted = token.toLowerCase(Locale.ROOT);
		for (String value : values) {
			for (String candidate : value.split(",")) {
				if (candidate.strip().toLowerCase(Locale.ROOT).equals(wanted)) {
					return true;
				}
			}
		}
		return false;
	}

}
