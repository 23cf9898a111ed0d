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

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed API of a compiled {@link CorsPolicy}: every resolved setting reads back as
 * the value that was configured, with its scope's ids, and no header text.
 *
 * @author cors-gateway authors
 */
class CorsPolicyTypedSettingsTests {

	private static final CorsPolicies POLICIES = CorsPolicies.builder()
		.defaults((defaults) -> defaults.allowedOrigins("https://default.example.com"))
		.service("orders",
				(orders) -> orders.paths("/orders/**")
					.allowedOrigins("https://shop.example.com")
					.route("refunds",
							(refunds) -> refunds.paths("/orders/*/refunds")
								.allowedOrigins("https://admin.example.com")
								.allowedOriginPatterns("https://[a-z]+\\.admin\\.example\\.com")
								.allowedMethods("POST", "PUT")
								.allowedHeaders("X-Request-Id")
								.exposedHeaders("X-Total", "X-Page")
								.allowCredentials(true)
								.maxAge(Duration.ofMinutes(10))
								.preflightContinue(true)
								.preflightStatus(200)
								.rejectDisallowedOrigins(false)))
		.service("off", (off) -> off.paths("/off/**").enabled(false))
		.build();

	private static CorsPolicy find(String path) {
		return POLICIES.find("api.example.com", PathContainer.parsePath(path), "POST");
	}

	@Test
	void routePolicyReadsBackEverySettingAsConfigured() {
		CorsPolicy refunds = find("/orders/1/refunds");
		assertThat(refunds.getId()).isEqualTo("orders.refunds");
		assertThat(refunds.getServiceId()).isEqualTo("orders");
		assertThat(refunds.getRouteId()).isEqualTo("refunds");
		assertThat(refunds.isEnabled()).isTrue();
		assertThat(refunds.getAllowedOrigins()).containsExactly("https://admin.example.com");
		assertThat(refunds.getAllowedOriginPatterns()).containsExactly("https://[a-z]+\\.admin\\.example\\.com");
		assertThat(refunds.getAllowedMethods()).containsExactly("POST", "PUT");
		assertThat(refunds.getAllowedHeaders()).containsExactly("X-Request-Id");
		assertThat(refunds.getExposedHeaders()).containsExactly("X-Total", "X-Page");
		assertThat(refunds.isAllowCredentials()).isTrue();
		assertThat(refunds.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
		assertThat(refunds.isPreflightContinue()).isTrue();
		assertThat(refunds.getPreflightStatus()).isEqualTo(200);
		assertThat(refunds.isRejectDisallowedOrigins()).isFalse();
		assertThat(refunds.isOriginDependent()).isTrue();
		assertThat(refunds.allowsSomeOrigin()).isTrue();
		assertThat(refunds).hasToString("CorsPolicy 'orders.refunds'");
	}

	@Test
	void servicePolicyHasNoRouteAndTheBuiltInDefaultsOfWhatNoLevelSets() {
		CorsPolicy orders = find("/orders/1");
		assertThat(orders.getId()).isEqualTo("orders");
		assertThat(orders.getServiceId()).isEqualTo("orders");
		assertThat(orders.getRouteId()).isNull();
		assertThat(orders.getAllowedOriginPatterns()).isEmpty();
		assertThat(orders.getAllowedMethods()).isEqualTo(List.of("GET", "HEAD", "POST"));
		assertThat(orders.getAllowedHeaders()).isEmpty();
		assertThat(orders.getExposedHeaders()).isEmpty();
		assertThat(orders.getMaxAge()).isNull();
		assertThat(orders.isPreflightContinue()).isFalse();
		assertThat(orders.getPreflightStatus()).isEqualTo(204);
		assertThat(orders.isRejectDisallowedOrigins()).isTrue();
	}

	@Test
	void defaultsPolicyBelongsToNoServiceOrRoute() {
		CorsPolicy defaults = find("/elsewhere");
		assertThat(defaults.getId()).isEqualTo("defaults");
		assertThat(defaults.getServiceId()).isNull();
		assertThat(defaults.getRouteId()).isNull();
		assertThat(defaults.getAllowedOrigins()).containsExactly("https://default.example.com");
	}

	@Test
	void disabledScopeReadsAsDisabledWithTheSettingsItInherits() {
		CorsPolicy off = find("/off/1");
		assertThat(off.isEnabled()).isFalse();
		assertThat(off.getServiceId()).isEqualTo("off");
		assertThat(off.getAllowedOrigins()).containsExactly("https://default.example.com");
	}

	@Test
	void renderedPreflightValuesStayInsideThePackage() {
		CorsPolicy refunds = find("/orders/1/refunds");
		assertThat(refunds.answers().preflightValue(CorsHeader.MAX_AGE)).isEqualTo("600");
		assertThat(refunds.answers().preflightValue(CorsHeader.ALLOW_CREDENTIALS)).isEqualTo("true");
		assertThat(refunds.answers().preflightValue(CorsHeader.ALLOW_METHODS)).isNull();
	}

}
