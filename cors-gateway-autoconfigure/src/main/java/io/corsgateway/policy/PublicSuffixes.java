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

import java.util.Set;

/**
 * A compact approximation of the Public Suffix List, enough to refuse subdomain wildcards
 * that would cover domains anyone can register: every top-level domain, the generic
 * second-level registries of country-code domains ({@code co.uk}, {@code com.au}, ...)
 * and the shared hosting domains where each customer gets a subdomain ({@code github.io},
 * ...).
 *
 * @author cors-gateway authors
 */
final class PublicSuffixes {

	private static final Set<String> COUNTRY_SECOND_LEVELS = Set.of("ac", "co", "com", "edu", "gob", "go", "gov", "ltd",
			"me", "mil", "ne", "net", "nhs", "nic", "or", "org", "plc", "sch", "info", "biz", "gen", "firm", "ind",
			"res");

	private static final Set<String> SHARED_HOSTING = Set.of("github.io", "githubusercontent.com", "gitlab.io",
			"herokuapp.com", "vercel.app", "netlify.app", "pages.dev", "workers.dev", "web.app", "firebaseapp.com",
			"appspot.com", "blogspot.com", "cloudfront.net", "azurewebsites.net", "azurestaticapps.net",
			"s3.amazonaws.com", "elasticbeanstalk.com", "onrender.com", "fly.dev", "glitch.me", "ngrok.io",
			"ngrok-free.app", "trycloudflare.com", "repl.co", "surge.sh", "now.sh", "r2.dev");

	private PublicSuffixes() {
	}

	static boolean isPublicSuffix(String domain) {
		int dot = domain.indexOf('.');
		if (dot < 0) {
			return true;
		}
		if (SHARED_HOSTING.contains(domain)) {
			return true;
		}
		String topLevel = domain.substring(dot + 1);
		return topLevel.indexOf('.') < 0 && topLevel.length() == 2
				&& COUNTRY_SECOND_LEVELS.contains(domain.substring(0, dot));
	}

}
