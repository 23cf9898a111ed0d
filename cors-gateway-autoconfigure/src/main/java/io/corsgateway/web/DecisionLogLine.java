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
package io.corsgateway.web;

import org.jspecify.annotations.Nullable;

import io.corsgateway.internal.http.LogText;
import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;

/**
 * The debug line of a decision that refuses a request or lets it through without CORS
 * headers, enforced or report-only, in {@code key=value} form:
 *
 * <pre>
 * Reject: reason=ORIGIN_NOT_ALLOWED value='https://evil.example' kind=PREFLIGHT_REJECTED service=orders route=(none) method='OPTIONS' path='/orders/1'
 * </pre>
 *
 * Every value that comes from the request is quoted by {@link LogText#quoted}: printable
 * ASCII cut to 200 characters, with its quotes escaped, so that a request can neither
 * forge log lines, nor add fields to this one, nor flood the log.
 *
 * @author cors-gateway authors
 */
final class DecisionLogLine {

	private DecisionLogLine() {
	}

	/**
	 * Whether decisions of the given kind are logged: those that refuse a request or let
	 * it through without CORS headers.
	 */
	static boolean isLogged(DecisionKind kind) {
		return switch (kind) {
			case PREFLIGHT_REJECTED, ACTUAL_REJECTED, ACTUAL_LET_THROUGH, REFUSED -> true;
			default -> false;
		};
	}

	/**
	 * The line for a decision whose kind {@link #isLogged is logged}.
	 */
	static String of(CorsRequest request, CorsDecision decision) {
		StringBuilder line = new StringBuilder(160).append(verb(decision))
			.append(": reason=")
			.append(decision.getReason());
		String value = offendingValue(request, decision);
		if (value != null) {
			line.append(" value=").append(LogText.quoted(value));
		}
		line.append(" kind=").append(decision.getKind());
		line.append(" service=").append(decision.getServiceLabel()).append(" route=").append(decision.getRouteLabel());
		String origin = request.origin();
		if (origin != null && !isAboutOrigin(decision)) {
			line.append(" origin=").append(LogText.quoted(origin));
		}
		line.append(" method=").append(LogText.quoted(request.method()));
		line.append(" path=").append(LogText.quoted(request.path().value()));
		return line.toString();
	}

	private static String verb(CorsDecision decision) {
		boolean letThrough = decision.getKind() == DecisionKind.ACTUAL_LET_THROUGH;
		if (decision.isEnforced()) {
			return letThrough ? "Let through" : "Reject";
		}
		return letThrough ? "Report-only, would let through" : "Report-only, would reject";
	}

	/**
	 * The value of the request that the reason is about, when it is not a field of its
	 * own (an ambiguous path is the {@code path}).
	 */
	private static @Nullable String offendingValue(CorsRequest request, CorsDecision decision) {
		if (isAboutOrigin(decision)) {
			return request.origin();
		}
		return switch (decision.getReason()) {
			case SEVERAL_REQUEST_METHODS -> request.requestMethod();
			case TOO_MANY_REQUEST_HEADERS -> request.requestHeaders();
			default -> decision.getDetail();
		};
	}

	private static boolean isAboutOrigin(CorsDecision decision) {
		return switch (decision.getReason()) {
			case ORIGIN_NOT_ALLOWED, MALFORMED_ORIGIN, SEVERAL_ORIGINS -> true;
			default -> false;
		};
	}

}
