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

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import org.jspecify.annotations.Nullable;
import reactor.netty.http.server.HttpServerResponse;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsHeader;

import org.springframework.http.server.reactive.AbstractServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * The header edits made directly on Reactor Netty's response headers, the ones Spring's
 * {@code ReactorServerHttpResponse} adapts. Through Spring's {@code HttpHeaders}, Netty
 * hashes a {@code String} name character by character on every lookup; the
 * {@link AsciiString} names here carry their hash, so that the repair's lookup of each
 * CORS header costs a few comparisons, and the names are validated only when written.
 * <p>
 * Only Spring's own Reactor Netty response, alone or in Spring's decorator for
 * {@code HEAD}, is edited this way (see {@link #nativeResponseOf(ServerHttpResponse)}):
 * any other response, another decorator included, may keep its headers elsewhere, and is
 * edited through {@link CorsResponseHeaders#SPRING}. This class is loaded only where
 * Reactor Netty is present.
 *
 * @author cors-gateway authors
 */
final class NettyCorsResponseHeaders extends CorsResponseHeaders<HttpHeaders> {

	static final NettyCorsResponseHeaders INSTANCE = new NettyCorsResponseHeaders();

	private static final AsciiString[] NAMES = names();

	private static final AsciiString VARY = AsciiString.cached(org.springframework.http.HttpHeaders.VARY);

	private NettyCorsResponseHeaders() {
	}

	private static AsciiString[] names() {
		CorsHeader[] headers = CorsHeader.values();
		AsciiString[] names = new AsciiString[headers.length];
		for (CorsHeader header : headers) {
			names[header.ordinal()] = AsciiString.cached(header.headerName());
		}
		return names;
	}

	/**
	 * The Reactor Netty response behind Spring's: its headers are the very object that
	 * Spring's {@code getHeaders()} adapts. Typed {@code Object} so that callers need not
	 * name a Netty type.
	 * @param response a response of the class {@code ReactorServerHttpResponse}
	 * @return the Reactor Netty response
	 */
	static Object nativeResponseOf(ServerHttpResponse response) {
		return ((AbstractServerHttpResponse) response).<HttpServerResponse>getNativeResponse();
	}

	/**
	 * Repair the headers of a Reactor Netty response, given as the object that
	 * {@link #nativeResponseOf(ServerHttpResponse)} returned.
	 * @param nativeResponse the Reactor Netty response
	 * @param decision the decision whose values the response carries
	 */
	static void repairNative(Object nativeResponse, CorsDecision decision) {
		INSTANCE.repair(((HttpServerResponse) nativeResponse).responseHeaders(), decision);
	}

	/**
	 * Repair the headers of a Reactor Netty response unless they have been sent: once
	 * sent, an edit would change nothing a client sees.
	 * @param nativeResponse the Reactor Netty response
	 * @param decision the decision whose values the response carries
	 */
	static void repairUnsent(Object nativeResponse, CorsDecision decision) {
		HttpServerResponse response = (HttpServerResponse) nativeResponse;
		if (!response.hasSentHeaders()) {
			INSTANCE.repair(response.responseHeaders(), decision);
		}
	}

	@Override
	@Nullable String first(HttpHeaders headers, CorsHeader header) {
		return headers.get(NAMES[header.ordinal()]);
	}

	@Override
	List<String> all(HttpHeaders headers, CorsHeader header) {
		return headers.getAll(NAMES[header.ordinal()]);
	}

	@Override
	void set(HttpHeaders headers, CorsHeader header, String value) {
		headers.set(NAMES[header.ordinal()], value);
	}

	@Override
	void remove(HttpHeaders headers, CorsHeader header) {
		headers.remove(NAMES[header.ordinal()]);
	}

	@Override
	@Nullable String firstVary(HttpHeaders headers) {
		return headers.get(VARY);
	}

	@Override
	List<String> allVary(HttpHeaders headers) {
		return headers.getAll(VARY);
	}

	@Override
	void setVary(HttpHeaders headers, String value) {
		headers.set(VARY, value);
	}

}
