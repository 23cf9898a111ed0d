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

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsHeader;

import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * Response headers in one of the stores that {@link CorsResponseHeaders} edits, seen
 * through Spring's {@link HttpHeaders} for arranging and asserting, and edited the way
 * {@link CorsResponse} edits that store, so that every rule of the edits is checked on
 * each.
 *
 * @author cors-gateway authors
 */
final class EditedHeaders {

	/** Where the headers live, and how they are edited. */
	enum Store {

		/** Spring's own map, edited through {@link HttpHeaders}. */
		SPRING_MAP,

		/**
		 * Netty's headers, edited through Spring's adapter, as for a decorated response.
		 */
		NETTY_THROUGH_SPRING,

		/** Netty's headers, edited directly, as for Spring's Reactor Netty response. */
		NETTY

	}

	private final HttpHeaders view;

	private final io.netty.handler.codec.http.@Nullable HttpHeaders netty;

	private EditedHeaders(HttpHeaders view, io.netty.handler.codec.http.@Nullable HttpHeaders netty) {
		this.view = view;
		this.netty = netty;
	}

	static EditedHeaders of(Store store) {
		if (store == Store.SPRING_MAP) {
			return new EditedHeaders(new HttpHeaders(), null);
		}
		// Without validation: Netty refuses to store some lines a handler may still send,
		// such as one that begins with a space, and the rules must hold for them too.
		io.netty.handler.codec.http.HttpHeaders netty = DefaultHttpHeadersFactory.headersFactory()
			.withValidation(false)
			.newHeaders();
		return new EditedHeaders(new HttpHeaders(new Netty4HeadersAdapter(netty)),
				(store == Store.NETTY) ? netty : null);
	}

	static EditedHeaders vary(Store store, String... lines) {
		EditedHeaders headers = of(store);
		for (String line : lines) {
			headers.view.add(HttpHeaders.VARY, line);
		}
		return headers;
	}

	HttpHeaders view() {
		return this.view;
	}

	void ensure(CorsHeader header, @Nullable String wanted) {
		if (this.netty != null) {
			NettyCorsResponseHeaders.INSTANCE.ensure(this.netty, header, wanted);
		}
		else {
			CorsResponseHeaders.SPRING.ensure(this.view, header, wanted);
		}
	}

	void mergeVary(CorsDecision.Vary vary) {
		if (this.netty != null) {
			NettyCorsResponseHeaders.INSTANCE.mergeVary(this.netty, vary);
		}
		else {
			CorsResponseHeaders.SPRING.mergeVary(this.view, vary);
		}
	}

}
