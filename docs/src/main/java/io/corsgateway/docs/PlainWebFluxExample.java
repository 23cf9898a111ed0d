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
package io.corsgateway.docs;

import java.util.List;

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.web.server.WebHandler;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;

/**
 * Example of the runtime without Spring Boot: a {@link CorsGatewayWebFilter} built from
 * {@link CorsPolicies#builder()} in front of a plain {@link WebHandler}, with policies
 * that can be replaced while the application runs.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class PlainWebFluxExample {

	private final CorsGatewayWebFilter cors;

	private final HttpHandler httpHandler;

	/**
	 * Wrap the given application in the CORS filter.
	 * @param application the handler that serves the requests the filter lets through
	 */
	public PlainWebFluxExample(WebHandler application) {
		// tag::plain[]
		CorsGatewayWebFilter cors = new CorsGatewayWebFilter(CorsPolicies.builder()
			.service("api", (api) -> api.paths("/api/**").allowedOrigins("https://app.example.com"))
			.build());
		HttpHandler httpHandler = WebHttpHandlerBuilder.webHandler(application).filter(cors).build();
		// end::plain[]
		this.cors = cors;
		this.httpHandler = httpHandler;
	}

	/**
	 * The handler to give to a server, for example Reactor Netty's
	 * {@code ReactorHttpHandlerAdapter}.
	 * @return the HTTP handler
	 */
	public HttpHandler getHttpHandler() {
		return this.httpHandler;
	}

	/**
	 * Replace the origins the {@code api} service allows.
	 * @param origins the origins to allow from now on
	 * @throws io.corsgateway.policy.InvalidCorsPolicyException if an origin is invalid;
	 * the policies in force are then kept
	 */
	// tag::swap[]
	public void allowOrigins(List<String> origins) {
		// build() throws InvalidCorsPolicyException before anything changes
		CorsPolicies policies = CorsPolicies.builder()
			.service("api", (api) -> api.paths("/api/**").allowedOrigins(origins))
			.build();
		this.cors.setPolicies(policies);
	}
	// end::swap[]

}
