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
package io.corsgateway.policy;

import java.util.List;

import org.springframework.util.Assert;

/**
 * An application registered with services or routes, as API gateways register client
 * applications with an API: its origins are allowed on those scopes in addition to the
 * scope's own, with the scope's other fields unchanged.
 *
 * @param id the application's id, unique among the applications
 * @param origins the application's origins, in the forms {@code allowed-origins} accepts
 * (exact origins and {@code https://*.example.com} subdomain forms) or an origin set
 * reference
 * @param services the scopes the application is registered with: a service id (the
 * service and all its routes) or {@code service-id/route-id} (that route only)
 * @param source where the application was declared, named in messages about it: a
 * property prefix such as {@code cors.applications.partner-portal}, or a description of a
 * stored row
 * @author cors-gateway authors
 * @since 0.1.0
 */
public record CorsApplication(String id, List<String> origins, List<String> services, String source) {

	/**
	 * Create an application; the lists are copied.
	 * @param id the application's id
	 * @param origins the application's origins
	 * @param services the scopes the application is registered with
	 * @param source where the application was declared
	 */
	public CorsApplication {
		Assert.notNull(id, "'id' must not be null");
		Assert.notNull(source, "'source' must not be null");
		origins = List.copyOf(origins);
		services = List.copyOf(services);
	}

}
