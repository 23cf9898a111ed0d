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
package io.corsgateway.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.corsgateway.policy.CorsPoliciesBuilder;
import io.corsgateway.policy.PolicyError;
import io.corsgateway.policy.PolicyField;
import io.corsgateway.policy.PolicySpec;
import io.corsgateway.policy.RouteSpec;
import io.corsgateway.policy.ServiceSpec;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * Warns when a policy lets allowed preflights continue down the filter chain in an
 * application with Spring Security's WebFlux filter chain: browsers send preflights
 * without credentials, so unless the security configuration lets preflights through,
 * Spring Security answers them with 401 and the browser never sends the actual request.
 * The filter itself answers preflights before Spring Security when
 * {@code preflight-continue} is false, which is why only that setting is concerned.
 *
 * @author cors-gateway authors
 */
final class PreflightContinueSecurityCheck {

	static final String WEB_FILTER_CHAIN_PROXY = "org.springframework.security.web.server.WebFilterChainProxy";

	private PreflightContinueSecurityCheck() {
	}

	/**
	 * One warning per level (defaults, service or route) that sets
	 * {@code preflight-continue: true}, when a {@code WebFilterChainProxy} bean is
	 * defined. Bean definitions are inspected without creating any bean.
	 * @param builder the builder the policies were built from
	 * @param beanFactory the bean factory of the application
	 * @param classLoader the class loader of the application
	 * @return the warnings, empty when Spring Security's chain is absent
	 */
	static List<PolicyError> warnings(CorsPoliciesBuilder builder, ListableBeanFactory beanFactory,
			@Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent(WEB_FILTER_CHAIN_PROXY, classLoader)
				|| beanFactory.getBeanNamesForType(ClassUtils.resolveClassName(WEB_FILTER_CHAIN_PROXY, classLoader),
						true, false).length == 0) {
			return List.of();
		}
		List<PolicySpec<?>> levels = new ArrayList<>();
		levels.add(builder.getDefaults());
		for (ServiceSpec service : builder.getServices()) {
			levels.add(service);
			for (RouteSpec route : service.getRoutes()) {
				levels.add(route);
			}
		}
		List<PolicyError> warnings = new ArrayList<>();
		for (PolicySpec<?> level : levels) {
			if (Boolean.TRUE.equals(level.get(PolicyField.PREFLIGHT_CONTINUE))) {
				warnings.add(new PolicyError(level.getPropertyPrefix() + ".preflight-continue", true,
						"Spring Security's WebFilterChainProxy is present, and an allowed preflight that continues "
								+ "down the filter chain reaches it without credentials (browsers never send them on "
								+ "a preflight), so unless your SecurityWebFilterChain permits preflights it answers "
								+ "them with 401 and the browser never sends the actual request. Permit preflights "
								+ "(a matcher on CorsUtils.isPreFlightRequest with permitAll()), or keep "
								+ "preflight-continue false so that the CORS filter answers them before Spring "
								+ "Security."));
			}
		}
		return warnings;
	}

}
