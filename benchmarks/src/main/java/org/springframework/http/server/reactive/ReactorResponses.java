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
package org.springframework.http.server.reactive;

import reactor.netty.http.server.HttpServerResponse;

import org.springframework.core.io.buffer.DataBufferFactory;

/**
 * Creates Spring's own Reactor Netty response, whose class is package-private, so that
 * the benchmarks measure the response a Spring Cloud Gateway's filters see. It lives in
 * Spring's package for that reason alone, and only in the benchmarks.
 *
 * @author cors-gateway authors
 */
public final class ReactorResponses {

	private ReactorResponses() {
	}

	/**
	 * Create the response Spring's {@code ReactorHttpHandlerAdapter} creates for a
	 * request.
	 * @param response the Reactor Netty response
	 * @param bufferFactory the buffer factory
	 * @return the response
	 */
	public static ServerHttpResponse create(HttpServerResponse response, DataBufferFactory bufferFactory) {
		return new ReactorServerHttpResponse(response, bufferFactory);
	}

}
