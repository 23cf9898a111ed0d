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

import java.util.ArrayList;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for the edges of configured-origin parsing: each malformed shape is refused for
 * its own reason, even where the refused part is empty or stands first, and loopback and
 * IP addresses are recognized whatever their digits.
 *
 * @author cors-gateway authors
 */
class OriginRuleEdgeTests {

	private static final String ORIGINS = "cors.services.orders.allowed-origins[0]";

	private static CorsPoliciesBuilder orders(Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder().service("orders", (orders) -> customizer.accept(orders.paths("/orders/**")));
	}

	private static void assertRefused(String origin, String reason) {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class,
				orders((orders) -> orders.allowedOrigins(origin))::build);
		assertThat(ex).as("build() must refuse '%s'", origin).isNotNull();
		assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo(ORIGINS);
			assertThat(error.value()).isEqualTo(origin);
			assertThat(error.reason()).contains(reason);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "https:///shop.example.com", "https://?x=1", "https://#top" })
	void pathQueryOrFragmentRightAfterTheSchemeIsRefusedAsAnEmptyHost(String origin) {
		assertRefused(origin, "The host is empty or malformed");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://shop\u007f.example.com", "https://shop\u0080.example.com" })
	void deleteAndCharactersAboveAsciiAreRefusedByName(String origin) {
		assertRefused(origin, "cannot contain whitespace, control or non-ASCII characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "://shop.example.com", "://" })
	void originWithAnEmptySchemeIsToldToStartWithAScheme(String origin) {
		assertRefused(origin, "must start with a scheme");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://@shop.example.com", "https://:@shop.example.com" })
	void emptyUserInformationIsStillRefusedAsUserInformation(String origin) {
		assertRefused(origin, "cannot contain user information");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*", "https://*example.com", "https://**.example.com" })
	void wildcardThatIsNotAWholeFirstLabelIsRefusedAsAMisplacedWildcard(String origin) {
		assertRefused(origin, "A wildcard is allowed only as the whole first label");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*.10.0.0.1", "https://*.192.168.9.9", "https://*.0.0.0.0" })
	void subdomainWildcardOverAnIpv4AddressIsRefusedWhateverItsDigits(String origin) {
		assertRefused(origin, "A subdomain wildcard needs a domain name, not an IP address.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1", "http://127.0.0.9", "http://127.90.0.10", "http://127.0.0.1:8080" })
	void plainHttpToAnyLoopbackIpv4AddressIsAllowedWithCredentials(String origin) {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(origin).allowCredentials(true)).build();
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		assertThat(policy.allowsOrigin(origin)).isTrue();
		assertThat(policy.isAllowCredentials()).isTrue();
	}

	@Test
	void anOriginWrittenInItsNormalFormIsKeptAsTheSameString() {
		String origin = new String("https://app.example.com");
		OriginRule rule = OriginRule.parse(origin, new ArrayList<>(), new ArrayList<>());
		assertThat(rule).isNotNull();
		assertThat(rule.normalized()).isSameAs(origin);
	}

	@Test
	void anOriginWrittenOtherwiseIsNormalizedAndMatchedInItsNormalForm() {
		OriginRule rule = OriginRule.parse("HTTPS://App.Example.com:443", new ArrayList<>(), new ArrayList<>());
		assertThat(rule).isNotNull();
		assertThat(rule.normalized()).isEqualTo("https://app.example.com");
		CorsPolicy policy = orders((orders) -> orders.allowedOrigins("HTTPS://App.Example.com:443")).build()
			.getServices()
			.get(0)
			.policy();
		assertThat(policy.allowsOrigin("https://app.example.com")).isTrue();
		assertThat(policy.allowsOrigin("HTTPS://App.Example.com:443")).isFalse();
	}

}
