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

import java.net.URI;

import io.corsgateway.policy.CorsRequest;

import org.springframework.http.HttpHeaders;

/**
 * The request facts the filter reads, for tests of the rules that read them.
 *
 * @author cors-gateway authors
 */
final class TestRequests {

	private TestRequests() {
	}

	/** Whether a request to the URI from the origin is a same-origin request. */
	static boolean isSameOrigin(String origin, URI uri) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ORIGIN, origin);
		return CorsRequest.of("GET", uri, headers).isSameOrigin();
	}

	/** The host that routing sees for a request to the URI. */
	static String host(URI uri) {
		return CorsRequest.of("GET", uri, new HttpHeaders()).host();
	}

}
