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

import java.util.Locale;

import org.junit.jupiter.api.Test;

import org.springframework.http.server.PathContainer;

import static io.corsgateway.policy.PolicyErrorAssertions.assertOnlyError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of policy selection under case folding: hosts and route methods are matched
 * ignoring the case of ASCII letters only. The JDK's folding also maps the Kelvin sign
 * (U+212A) onto {@code k} and the dotless i (U+0131) onto {@code I}, so that a request
 * spelt with them used to select the policy of the ASCII host or method.
 *
 * @author cors-gateway authors
 */
class AsciiCaseSelectionTests {

	private static final String KELVIN_HOST = "\u212Aelvin.example";

	private static final String DOTLESS_LIST = "l\u0131st";

	private final CorsPolicies policies = CorsPolicies.builder()
		.service("kelvin", (kelvin) -> kelvin.paths("/**").hosts("kelvin.example").allowedOrigins("https://k.example"))
		.service("api", (api) -> api.paths("/**")
			.allowedOrigins("https://app.example")
			.route("list", (list) -> list.paths("/items").methods("LIST").allowedOrigins("https://admin.example")))
		.build();

	private String policyFor(String host, String method) {
		return this.policies.find(host, PathContainer.parsePath("/items"), method).getId();
	}

	@Test
	void hostSpeltWithTheKelvinSignDoesNotSelectTheServiceOfTheAsciiHost() {
		assertThat(KELVIN_HOST.toLowerCase(Locale.ROOT)).isEqualTo("kelvin.example");
		assertThat(policyFor(KELVIN_HOST, "GET")).isEqualTo("api");
	}

	@Test
	void hostInAnotherAsciiCaseSelectsTheServiceOfTheHost() {
		assertThat(policyFor("Kelvin.EXAMPLE", "GET")).isEqualTo("kelvin");
	}

	@Test
	void methodSpeltWithADotlessIDoesNotSelectTheRouteOfTheAsciiMethod() {
		assertThat(DOTLESS_LIST.toUpperCase(Locale.ROOT)).isEqualTo("LIST");
		assertThat(policyFor("api.example", DOTLESS_LIST)).isEqualTo("api");
	}

	@Test
	void methodInAnotherAsciiCaseSelectsTheRouteOfTheMethod() {
		assertThat(policyFor("api.example", "list")).isEqualTo("api.list");
		assertThat(policyFor("api.example", "LIST")).isEqualTo("api.list");
	}

	@Test
	void hostPatternSpeltWithTheKelvinSignFailsStartup() {
		CorsPoliciesBuilder builder = CorsPolicies.builder()
			.service("kelvin", (kelvin) -> kelvin.paths("/**").hosts(KELVIN_HOST).allowedOrigins("https://k.example"));
		assertOnlyError(builder, "cors.services.kelvin.hosts[0]", KELVIN_HOST, "A host must be a domain name");
	}

}
