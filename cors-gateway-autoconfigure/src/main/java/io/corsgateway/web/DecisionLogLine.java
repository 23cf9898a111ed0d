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
 * headers, enforced or report-only, in {@code key=value} form: <pre>
 * Reject: reason=ORIGIN_NOT_ALLOWED value='https://evil.example' kind=PREFLIGHT_REJECTED service=orders route=(none) method=OPTIONS path='/orders/1'
 * </pre> Every value that comes from the request is printable ASCII of at most 200
 * characters ({@link LogText#printable}), so that a request can neither forge log lines
 * nor flood the log.
 *
 * @author cors-gateway authors
 */
final class DecisionLogLine {

	private DecisionLogLine() {
	}

	/**
	 * The line for a decision, or {@code null} when the decision is not one that is
	 * logged: allowed requests, requests without CORS and requests no policy covers.
	 */
	static @Nullable String of(CorsRequest request, CorsDecision decision) {
		String verb = verb(decision);
		if (verb == null) {
			return null;
		}
		StringBuilder line = new StringBuilder(160).append(verb).append(": reason=").append(decision.getReason());
		String value = offendingValue(request, decision);
		if (value != null) {
			line.append(" value='").append(LogText.printable(value)).append('\'');
		}
		line.append(" kind=").append(decision.getKind());
		line.append(" service=").append(decision.getServiceLabel()).append(" route=").append(decision.getRouteLabel());
		if (!isAboutOrigin(decision) && request.origin() != null) {
			line.append(" origin='").append(LogText.printable(request.origin())).append('\'');
		}
		line.append(" method=").append(LogText.printable(request.method()));
		line.append(" path='").append(LogText.printable(request.path().value())).append('\'');
		return line.toString();
	}

	private static @Nullable String verb(CorsDecision decision) {
		boolean letThrough = decision.getKind() == DecisionKind.ACTUAL_LET_THROUGH;
		boolean rejected = switch (decision.getKind()) {
			case PREFLIGHT_REJECTED, ACTUAL_REJECTED, REFUSED -> true;
			default -> false;
		};
		if (!letThrough && !rejected) {
			return null;
		}
		if (decision.isEnforced()) {
			return rejected ? "Reject" : "Let through";
		}
		return rejected ? "Report-only, would reject" : "Report-only, would let through";
	}

	/**
	 * The value of the request that the reason is about.
	 */
	private static @Nullable String offendingValue(CorsRequest request, CorsDecision decision) {
		return switch (decision.getReason()) {
			case ORIGIN_NOT_ALLOWED, MALFORMED_ORIGIN, SEVERAL_ORIGINS -> request.origin();
			case SEVERAL_REQUEST_METHODS -> request.requestMethod();
			case TOO_MANY_REQUEST_HEADERS -> request.requestHeaders();
			case AMBIGUOUS_PATH -> request.path().value();
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
