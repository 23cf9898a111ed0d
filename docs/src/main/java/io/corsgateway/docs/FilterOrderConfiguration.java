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

import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.web.CorsGatewayWebFilter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Example of replacing the auto-configured {@link CorsGatewayWebFilter}, here to run it
 * before every other {@code WebFilter}.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@Configuration(proxyBeanMethods = false)
public class FilterOrderConfiguration {

	// tag::filter[]
	@Bean
	CorsGatewayWebFilter corsGatewayWebFilter(CorsPolicies corsPolicies) {
		CorsGatewayWebFilter filter = new CorsGatewayWebFilter(corsPolicies);
		// cors.filter-order applies to the auto-configured filter only.
		filter.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return filter;
	}
	// end::filter[]

}
