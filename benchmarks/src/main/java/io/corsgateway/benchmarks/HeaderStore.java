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

import io.netty.handler.codec.http.DefaultHttpHeaders;

import org.springframework.http.HttpHeaders;
import org.springframework.http.support.Netty4HeadersAdapter;

/**
 * What backs the response headers in {@link CorsFilterBenchmark}: writing a header costs
 * different allocations depending on the server, and both filters write several.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public enum HeaderStore {

	/**
	 * Spring's own {@link HttpHeaders} map, as in {@code MockServerHttpResponse}: each
	 * lookup or write with a mixed-case name lower-cases a copy of the name.
	 */
	MAP {

		@Override
		ResponseSource responses() {
			return new ReusableServerHttpResponse(new HttpHeaders());
		}

	},

	/**
	 * Netty's {@link DefaultHttpHeaders} behind {@link Netty4HeadersAdapter}, as in
	 * Reactor Netty, the server Spring Cloud Gateway runs on.
	 */
	NETTY {

		@Override
		ResponseSource responses() {
			return new ReusableServerHttpResponse(new HttpHeaders(new Netty4HeadersAdapter(new DefaultHttpHeaders())));
		}

	},

	/**
	 * Spring's own {@code ReactorServerHttpResponse}, a new one per request as Spring's
	 * Reactor Netty adapter makes, over Netty's {@link DefaultHttpHeaders}: the response
	 * the filters of a Spring Cloud Gateway see. Unlike {@link #NETTY}, whose response
	 * the starter can only edit through Spring's {@link HttpHeaders}, this one it
	 * recognizes and edits directly. The harness pays for the response and its commit.
	 */
	REACTOR_NETTY {

		@Override
		ResponseSource responses() {
			return new ReactorNettyResponses();
		}

	};

	/**
	 * Create the source of the responses of one benchmark trial, each with empty headers.
	 * @return the source
	 */
	abstract ResponseSource responses();

}
