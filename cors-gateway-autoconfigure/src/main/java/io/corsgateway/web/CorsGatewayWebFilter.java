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

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import io.corsgateway.policy.CorsDecision;
import io.corsgateway.policy.CorsPolicies;
import io.corsgateway.policy.CorsPolicy;
import io.corsgateway.policy.CorsRequest;
import io.corsgateway.policy.DecisionKind;
import io.corsgateway.policy.DecisionReason;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A {@link WebFilter} that applies {@link CorsPolicies} to every request, following the
 * CORS protocol of the WHATWG Fetch standard. It reads the request's facts into a
 * {@link CorsRequest}, asks {@link CorsPolicies#evaluate(CorsRequest, boolean)} for a
 * {@link CorsDecision}, and only applies it: it answers preflights itself, rejects
 * disallowed requests before any handler runs, and gives the CORS headers of every
 * response in an enabled scope the policy's values when the response is committed,
 * replacing whatever a handler, an error renderer, another filter or a proxied upstream
 * set. Requests whose path a server behind it could read differently are refused before
 * any policy is chosen (see {@link #setRejectAmbiguousPaths(boolean)}).
 * <p>
 * Every decision goes to the {@linkplain #setDecisionListeners(List) decision listeners}
 * first. A decision that refuses a request or lets it through without CORS headers is
 * logged at DEBUG, one line with its reason; nothing is built when DEBUG is off. A
 * decision of a {@linkplain CorsPolicy#isReportOnly() report-only} policy is told and
 * logged like any other, and then not applied: request and response are left alone.
 * <p>
 * The policies can be swapped at runtime with {@link #setPolicies(CorsPolicies)}; each
 * request reads them once.
 *
 * @author cors-gateway authors
 * @since 0.1.0
 */
public class CorsGatewayWebFilter implements WebFilter, Ordered {

	/**
	 * The default order: just before Spring Security's {@code WebFilterChainProxy} (order
	 * -100), so that preflights never meet authentication and the 401 of an actual
	 * request still carries CORS headers a browser can read.
	 */
	public static final int DEFAULT_ORDER = -101;

	/**
	 * The response header that names the reason of a rejection when
	 * {@linkplain #setDebugHeaders(boolean) debug headers} are on.
	 */
	public static final String REASON_HEADER = "Cors-Gateway-Reason";

	private static final Log logger = LogFactory.getLog(CorsGatewayWebFilter.class);

	private static final AtomicReferenceFieldUpdater<CorsGatewayWebFilter, CorsPolicies> POLICIES = AtomicReferenceFieldUpdater
		.newUpdater(CorsGatewayWebFilter.class, CorsPolicies.class, "policies");

	private volatile CorsPolicies policies;

	private int order = DEFAULT_ORDER;

	private volatile boolean rejectAmbiguousPaths = true;

	private volatile @Nullable CorsDecisionListener listener;

	private volatile boolean debugHeaders;

	private final AtomicBoolean listenerFailureLogged = new AtomicBoolean();

	/**
	 * Create a filter applying the given policies.
	 * @param policies the compiled policies
	 */
	public CorsGatewayWebFilter(CorsPolicies policies) {
		Assert.notNull(policies, "'policies' must not be null");
		this.policies = policies;
	}

	/**
	 * Replace the policies atomically; requests already in progress keep the ones they
	 * read.
	 * @param policies the new policies
	 */
	public void setPolicies(CorsPolicies policies) {
		Assert.notNull(policies, "'policies' must not be null");
		this.policies = policies;
	}

	/**
	 * Replace the policies atomically, but only if the filter still applies the expected
	 * ones, so that a swap decided on what the filter applied never overwrites policies
	 * someone else set meanwhile.
	 * @param expected the policies the caller saw in force
	 * @param policies the new policies
	 * @return whether the policies were replaced
	 */
	public boolean compareAndSetPolicies(CorsPolicies expected, CorsPolicies policies) {
		Assert.notNull(policies, "'policies' must not be null");
		return POLICIES.compareAndSet(this, expected, policies);
	}

	/**
	 * The policies in force.
	 * @return the policies
	 */
	public CorsPolicies getPolicies() {
		return this.policies;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Set the order of this filter among the application's {@link WebFilter}s.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	/**
	 * Whether requests whose path could be read differently by a server behind this
	 * filter (dot segments, encoded dots, slashes, backslashes or percent signs, empty
	 * segments) are refused with 400 before any policy is chosen. On by default.
	 * @param rejectAmbiguousPaths whether to refuse ambiguous paths
	 */
	public void setRejectAmbiguousPaths(boolean rejectAmbiguousPaths) {
		this.rejectAmbiguousPaths = rejectAmbiguousPaths;
	}

	/**
	 * Whether ambiguous paths are refused.
	 * @return whether ambiguous paths are refused
	 * @see #setRejectAmbiguousPaths(boolean)
	 */
	public boolean isRejectAmbiguousPaths() {
		return this.rejectAmbiguousPaths;
	}

	/**
	 * Set the listeners told of every decision, such as the one that counts requests.
	 * Requests already in progress may still tell the listeners set before. A listener
	 * that throws does not fail the request: the first failure is logged at WARN, later
	 * ones at DEBUG.
	 * @param listeners the listeners, in the order they are told
	 */
	public void setDecisionListeners(List<? extends CorsDecisionListener> listeners) {
		Assert.notNull(listeners, "'listeners' must not be null");
		CorsDecisionListener[] all = listeners.toArray(new CorsDecisionListener[0]);
		// No listener costs nothing on the request path: the field stays null.
		this.listener = switch (all.length) {
			case 0 -> null;
			case 1 -> all[0];
			default -> (request, decision) -> {
				for (CorsDecisionListener listener : all) {
					tell(listener, request, decision);
				}
			};
		};
	}

	// A listener observes; its failure must not fail the request it observes, nor keep
	// the listeners after it from being told.
	private void tell(CorsDecisionListener listener, CorsRequest request, CorsDecision decision) {
		try {
			listener.onDecision(request, decision);
		}
		catch (RuntimeException ex) {
			if (this.listenerFailureLogged.compareAndSet(false, true)) {
				logger.warn("CORS decision listener " + listener.getClass().getName()
						+ " failed; the request goes on. Later failures are logged at DEBUG.", ex);
			}
			else if (logger.isDebugEnabled()) {
				logger.debug("CORS decision listener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	/**
	 * Whether a request the filter rejects itself (403 or 400) carries a
	 * {@value #REASON_HEADER} header naming the {@link DecisionReason}, which a browser's
	 * network tab shows. Off by default: it tells any client why it was refused, which
	 * helps an attacker probe the policy, so keep it off in production.
	 * @param debugHeaders whether to add the header
	 */
	public void setDebugHeaders(boolean debugHeaders) {
		this.debugHeaders = debugHeaders;
	}

	/**
	 * Whether rejections carry the {@value #REASON_HEADER} header.
	 * @return whether debug headers are on
	 * @see #setDebugHeaders(boolean)
	 */
	public boolean isDebugHeaders() {
		return this.debugHeaders;
	}

	/**
	 * The {@value #REASON_HEADER} value this filter adds to the answer it gives for a
	 * decision it answers itself ({@link CorsDecision#getAnswerStatus()} not
	 * {@code null}): the reason of a rejection while debug headers are on.
	 * @param decision a decision the filter answers
	 * @return the header value, or {@code null} when the answer carries no such header
	 */
	public @Nullable String getReasonHeaderValue(CorsDecision decision) {
		return (this.debugHeaders && decision.getKind() != DecisionKind.PREFLIGHT_ALLOWED) ? decision.getReason().name()
				: null;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		// One read of the policies for the whole request, which a reload may replace
		// meanwhile.
		CorsPolicies policies = this.policies;
		CorsRequest facts = CorsRequest.of(request.getMethod().name(), request.getURI(),
				request.getPath().pathWithinApplication(), request.getHeaders(), policies.isPrivateNetworkAllowed());
		CorsDecision decision = policies.evaluate(facts, this.rejectAmbiguousPaths);
		CorsDecisionListener listener = this.listener;
		if (listener != null) {
			tell(listener, facts, decision);
		}
		if (!decision.isApplied()) {
			return chain.filter(exchange);
		}
		// The kind first: allowed requests never ask the logging system.
		if (DecisionLogLine.isLogged(decision.getKind()) && logger.isDebugEnabled()) {
			logger.debug(DecisionLogLine.of(facts, decision));
		}
		if (!decision.isEnforced()) {
			return chain.filter(exchange);
		}
		HttpStatus answer = decision.getAnswerStatus();
		if (answer == null) {
			return CorsResponse.filter(exchange, chain, decision);
		}
		ServerHttpResponse response = exchange.getResponse();
		String reason = getReasonHeaderValue(decision);
		if (reason != null) {
			response.getHeaders().set(REASON_HEADER, reason);
		}
		return CorsResponse.answer(response, answer, decision);
	}

}
