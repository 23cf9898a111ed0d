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

import java.net.URI;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

/**
 * Example of asking the policies what a request would get, without a filter or an
 * exchange: the same question the filter asks for every request.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class DecisionExample {

	private final CorsPolicies policies;

	/**
	 * Ask the given policies.
	 * @param policies the compiled policies
	 */
	public DecisionExample(CorsPolicies policies) {
		this.policies = policies;
	}

	/**
	 * What a browser's preflight from the origin for the method would get.
	 * @param url the URL the page wants to call
	 * @param origin the page's origin
	 * @param method the method it wants to use
	 * @return the decision
	 */
	public CorsDecision preflight(String url, String origin, String method) {
		// tag::evaluate[]
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		headers.setAccessControlRequestMethod(HttpMethod.valueOf(method));
		CorsDecision decision = this.policies.evaluate(CorsRequest.of("OPTIONS", URI.create(url), headers));
		// decision.getKind(): PREFLIGHT_ALLOWED or PREFLIGHT_REJECTED
		// decision.getReason(): ORIGIN_ALLOWED, METHOD_NOT_ALLOWED, ...
		// decision.getServiceId(), getRouteId(): the scope that decided
		// decision.getHeaderValue(CorsHeader.ALLOW_METHODS): what the answer would carry
		// end::evaluate[]
		return decision;
	}

}
