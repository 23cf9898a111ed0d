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
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.server.PathContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link PublicSuffixes}: subdomain wildcards are refused over every suffix of
 * the Public Suffix List, ICANN and PRIVATE sections alike, with its wildcard and
 * exception rules, and accepted over registrable domains.
 *
 * @author cors-gateway authors
 */
class PublicSuffixesTests {

	private static final String ORIGINS = "cors.services.orders.allowed-origins[0]";

	private static CorsPoliciesBuilder orders(Consumer<ServiceSpec> customizer) {
		return CorsPolicies.builder().service("orders", (orders) -> customizer.accept(orders.paths("/orders/**")));
	}

	private static void assertRefusedOverPublicSuffix(CorsPoliciesBuilder builder, String origin, String suffix) {
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class, builder::build);
		assertThat(ex).as("build() must refuse '%s'", origin).isNotNull();
		List<PolicyError> errors = ex.getErrors();
		assertThat(errors).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo(ORIGINS);
			assertThat(error.value()).isEqualTo(origin);
			assertThat(error.reason())
				.contains("would allow every site registered under the public suffix '" + suffix + "'");
		});
	}

	private static CorsPolicy ordersPolicy(CorsPolicies policies) {
		CorsPolicy policy = policies.find("api.example.com", PathContainer.parsePath("/orders/1"), "GET");
		assertThat(policy).isNotNull();
		return policy;
	}

	@ParameterizedTest
	@ValueSource(strings = { "eu.org", "js.org", "duckdns.org", "ngrok.app", "myshopify.com", "k12.ca.us" })
	void subdomainWildcardOverAFreeRegistrationSuffixFailsStartup(String suffix) {
		String origin = "https://*." + suffix;
		assertRefusedOverPublicSuffix(orders((orders) -> orders.allowedOrigins(origin)), origin, suffix);
	}

	@ParameterizedTest
	@ValueSource(strings = { "eu.org", "js.org", "duckdns.org", "ngrok.app", "myshopify.com", "k12.ca.us" })
	void subdomainWildcardOverAFreeRegistrationSuffixFailsStartupWithCredentials(String suffix) {
		String origin = "https://*." + suffix;
		assertRefusedOverPublicSuffix(orders((orders) -> orders.allowedOrigins(origin).allowCredentials(true)), origin,
				suffix);
	}

	// gh-7: the domain is not a public suffix, but names below it are ('*.run.app',
	// 'nakahara.kawasaki.jp', 's3.amazonaws.com'), and anyone can get a site there.
	@ParameterizedTest
	@ValueSource(strings = { "run.app", "kawasaki.jp", "r.appspot.com", "compute.amazonaws.com", "amazonaws.com" })
	void subdomainWildcardOverADomainWithPublicSuffixesBelowItFailsStartup(String parent) {
		String origin = "https://*." + parent;
		InvalidCorsPolicyException ex = catchThrowableOfType(InvalidCorsPolicyException.class,
				orders((orders) -> orders.allowedOrigins(origin).allowCredentials(true))::build);
		assertThat(ex).as("build() must refuse '%s'", origin).isNotNull();
		assertThat(ex.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.property()).isEqualTo(ORIGINS);
			assertThat(error.reason()).contains("would also allow sites under public suffixes below '" + parent + "'");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "run.app", "kawasaki.jp", "r.appspot.com", "amazonaws.com" })
	void domainWithARuleBelowItNamesOne(String parent) {
		assertThat(PublicSuffixes.publicSuffixBelow(parent)).isNotNull().endsWith("." + parent);
		assertThat(PublicSuffixes.isPublicSuffix(parent)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "shop.example.co.uk", "mysite.a.run.app", "example.eu.org" })
	void registrableDomainWithoutRulesBelowItCoversNoPublicSuffix(String domain) {
		assertThat(PublicSuffixes.publicSuffixBelow(domain)).isNull();
		assertThat(PublicSuffixes.isPublicSuffix(domain)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "co.uk", "k12.ca.us", "com.au", "pvt.k12.ma.us" })
	void icannSuffixOfSeveralLabelsIsAPublicSuffix(String domain) {
		assertThat(PublicSuffixes.isPublicSuffix(domain)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "eu.org", "github.io", "myshopify.com", "s3.dualstack.us-east-1.amazonaws.com" })
	void privateSectionSuffixIsAPublicSuffix(String domain) {
		assertThat(PublicSuffixes.isPublicSuffix(domain)).isTrue();
	}

	@Test
	void anyLabelBelowAWildcardRuleIsAPublicSuffix() {
		// '*.ck': every second-level name under ck is a registry.
		assertThat(PublicSuffixes.isPublicSuffix("anything.ck")).isTrue();
	}

	@Test
	void subdomainWildcardBelowAWildcardRuleFailsStartup() {
		assertRefusedOverPublicSuffix(orders((orders) -> orders.allowedOrigins("https://*.anything.ck")),
				"https://*.anything.ck", "anything.ck");
	}

	@Test
	void exceptionRuleNamesARegistrableDomain() {
		// '!www.ck' takes www.ck out of '*.ck'.
		assertThat(PublicSuffixes.isPublicSuffix("www.ck")).isFalse();
		assertThat(PublicSuffixes.registrableDomain("shop.www.ck")).isEqualTo("www.ck");
	}

	@Test
	void subdomainWildcardOverAnExceptionRuleDomainIsAccepted() {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins("https://*.www.ck")).build();
		assertThat(ordersPolicy(policies).allowsOrigin("https://shop.www.ck")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://*.example.com", "https://*.shop.example.co.uk", "https://*.example.eu.org",
			"https://*.example.k12.ca.us" })
	void subdomainWildcardOverARegistrableDomainIsAccepted(String origin) {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(origin).allowCredentials(true)).build();
		assertThat(policies.getWarnings()).isEmpty();
		assertThat(ordersPolicy(policies).allowsOrigin(origin.replace("*", "eu"))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "example.com", "shop.example.co.uk", "example.eu.org" })
	void registrableDomainOrASubdomainOfOneIsNotAPublicSuffix(String domain) {
		assertThat(PublicSuffixes.isPublicSuffix(domain)).isFalse();
	}

	@Test
	void registrableDomainIsThePublicSuffixPlusOneLabel() {
		assertThat(PublicSuffixes.registrableDomain("a.shop.example.co.uk")).isEqualTo("example.co.uk");
	}

	@Test
	void publicSuffixHasNoRegistrableDomain() {
		assertThat(PublicSuffixes.registrableDomain("co.uk")).isNull();
	}

	@Test
	void singleLabelTheListDoesNotNameIsAPublicSuffix() {
		// The list's implicit '*' rule: an unknown top-level domain is a public suffix.
		assertThat(PublicSuffixes.isPublicSuffix("zz-unlisted")).isTrue();
		assertThat(PublicSuffixes.registrableDomain("shop.example.zz-unlisted")).isEqualTo("example.zz-unlisted");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://*.localhost", "https://*.internal", "https://*.test", "https://*.local" })
	void subdomainWildcardOverAPrivateSingleLabelIsAccepted(String origin) {
		CorsPolicies policies = orders((orders) -> orders.allowedOrigins(origin)).build();
		assertThat(ordersPolicy(policies).allowsOrigin(origin.replace("*", "app"))).isTrue();
	}

	@Test
	void internationalizedRuleMatchesItsPunycodeForm() {
		// The list writes '公司.cn'; origins carry 'xn--55qx5d.cn'.
		assertThat(PublicSuffixes.isPublicSuffix("xn--55qx5d.cn")).isTrue();
	}

	@Test
	void bundledListIsDated() {
		assertThat(PublicSuffixes.listVersion()).matches("\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}_UTC");
	}

}
