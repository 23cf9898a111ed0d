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

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsRequest;

/**
 * Told of every decision {@link CorsGatewayWebFilter} makes, enforced or
 * {@linkplain CorsDecision#isEnforced() report-only}, before the filter applies it: the
 * hook for metrics, audit logs or tracing. It runs on the request path, on the thread
 * that handles the request, so it must be quick and must not block. An exception it
 * throws is logged and does not fail the request.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
@FunctionalInterface
public interface CorsDecisionListener {

	/**
	 * Called once per request the filter sees, with the decision it is about to apply.
	 * @param request the facts of the request the decision was made from
	 * @param decision the decision
	 */
	void onDecision(CorsRequest request, CorsDecision decision);

}
