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

package io.corsgateway.sample;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a real browser (headless Chromium) accepts what the sample gateway answers.
 * The page is served by the upstream, on another origin than the gateway, and its script
 * calls the gateway with {@code fetch} and {@code EventSource}; the test reads the
 * outcome from the page's DOM.
 *
 * @author cors-gateway authors
 */
class BrowserCorsTests extends BrowserPageTests {

	@Override
	String pagePath() {
		return UpstreamServer.BROWSER_TEST_PAGE;
	}

	@Override
	long virtualTimeMillis() {
		return 10000;
	}

	@Test
	void browserSendsPreflightAndReadsCredentialedResponse() {
		assertThat(dom()).contains("credentialed-preflight: ok 200 GET /orders/1 trace=upstream-");
	}

	@Test
	void browserRefusesResponseForOriginOutsideThePolicy() {
		assertThat(dom()).contains("disallowed-origin: error TypeError");
		assertThat(upstream().hasReceived("GET", "/admin/users")).isFalse();
	}

	@Test
	void browserRefusesMethodOutsideThePolicy() {
		assertThat(dom()).contains("disallowed-method: error TypeError");
		assertThat(upstream().hasReceived("PATCH", "/orders/1")).isFalse();
		// A preflight answered without CORS headers fails too: PUT, which the same
		// service lists, passes, so the gateway answered and refused PATCH.
		assertThat(result("put")).isEqualTo("ok 200 PUT /orders/put");
	}

	@Test
	void browserReadsSimpleGetFromAllowedOrigin() {
		assertThat(result("simple-get-allowed")).matches("ok 200 GET /orders/simple trace=upstream-\\d+");
	}

	@Test
	void browserSendsJsonPostAfterItsPreflight() {
		assertThat(result("json-post")).isEqualTo("ok 200 POST /orders/json");
	}

	@Test
	void browserSendsPutAfterItsPreflight() {
		assertThat(result("put")).isEqualTo("ok 200 PUT /orders/put");
	}

	@Test
	void browserSendsDeleteAfterItsPreflight() {
		assertThat(result("delete")).isEqualTo("ok 200 DELETE /orders/delete");
	}

	@Test
	void browserSendsAnyMethodAndHeaderWithCredentialsWhereTheRouteAllowsStar() {
		// The preflight's answer names PATCH and X-Draft-Editor: a literal '*' would be
		// refused with credentials.
		assertThat(result("star-methods-patch")).isEqualTo("ok 200 PATCH /orders/drafts/patch");
	}

	@Test
	void browserSendsLowerCasePatchWhereTheRouteAllowsStar() {
		// fetch() does not upper-case 'patch': the preflight's answer must name it as
		// sent.
		assertThat(result("star-methods-lowercase-patch")).isEqualTo("ok 200 patch /orders/drafts/lowercase");
	}

	@Test
	void browserRefusesCustomHeaderOutsideThePolicy() {
		assertThat(result("custom-header-not-allowed")).startsWith("error TypeError");
		assertThat(upstream().hasReceived("GET", "/orders/custom")).isFalse();
		// A preflight answered without CORS headers fails too: X-Request-Id, which the
		// same service lists, passes, so the gateway answered and refused X-Debug.
		assertThat(result("credentialed-preflight")).startsWith("ok 200 GET /orders/1");
	}

	@Test
	void browserSendsAuthorizationWhereItIsListedByName() {
		assertThat(result("authorization-listed")).isEqualTo("ok 200 GET /orders/authorization");
	}

	@Test
	void browserRefusesAuthorizationUnderStarAllowedHeaders() {
		assertThat(result("authorization-under-star")).startsWith("error TypeError");
		assertThat(upstream().hasReceived("GET", "/orders/drafts/authorization")).isFalse();
		// A preflight answered without CORS headers fails too: another header passes on
		// the same route, so the gateway answered and refused Authorization.
		assertThat(result("star-methods-patch")).isEqualTo("ok 200 PATCH /orders/drafts/patch");
	}

	@Test
	void browserReadsCredentialedResponseWhereCredentialsAreAllowed() {
		assertThat(result("credentials-allowed")).isEqualTo("ok 200 GET /orders/credentials");
	}

	@Test
	void browserRefusesCredentialedResponseWhereCredentialsAreNotAllowed() {
		// The same request without credentials is read: only the credentials differ.
		assertThat(result("credentials-not-allowed-without")).isEqualTo("ok 200 GET /devices/printer");
		assertThat(result("credentials-not-allowed")).startsWith("error TypeError");
	}

	@Test
	void browserRefusesCredentialedResponseOfAStarScope() {
		// The gateway answers "Access-Control-Allow-Origin: *"; the browser refuses it
		// for
		// a credentialed request.
		assertThat(result("credentials-star-origin")).startsWith("error TypeError");
		assertThat(upstream().hasReceived("GET", "/catalog/credentials")).isTrue();
	}

	@Test
	void browserReadsHeaderExposedByACredentialedScopeOnly() {
		assertThat(result("exposed-header-credentialed")).matches("ok 200 trace=upstream-\\d+ total=null");
	}

	@Test
	void upstreamsStarDoesNotReachOriginOutsideThePolicy() {
		// The upstream answered, with "Access-Control-Allow-Origin: *": the gateway
		// removed it.
		assertThat(upstream().hasReceived("GET", "/fail/back-office/1")).isTrue();
		assertThat(result("upstream-star-not-leaked")).startsWith("error TypeError");
	}

	@Test
	void browserReadsServerErrorStatus() {
		assertThat(result("status-500")).isEqualTo("ok 500 GET /fail/checkout");
	}

	@Test
	void browserReadsUnauthorizedStatusWithCredentials() {
		assertThat(result("status-401")).isEqualTo("ok 401 GET /orders/secret");
	}

	@Test
	void browserReadsNotFoundStatusWithCredentials() {
		assertThat(result("status-404")).isEqualTo("ok 404 GET /orders/missing");
	}

	@Test
	void reportOnlyScopeLetsTheUpstreamsOwnHeadersDecide() {
		// partners does not allow this origin, but enforces nothing: the browser reads
		// the
		// response through the upstream's "Access-Control-Allow-Origin: *".
		assertThat(result("report-only")).isEqualTo("ok 200 GET /partners/contracts");
	}

	@Test
	void routeReplacesTheOriginsOfItsService() {
		// POST is allowed on /orders/** (json-post), but the refunds route allows the
		// back
		// office only.
		assertThat(result("route-override")).startsWith("error TypeError");
		assertThat(upstream().hasReceived("POST", "/orders/1/refunds")).isFalse();
	}

	@Test
	void browserCannotReadAmbiguousPath() {
		// Without the 400, /catalog/** would have proxied it with "*".
		assertThat(result("ambiguous-path")).startsWith("error TypeError");
		assertThat(upstream().hasReceived("GET", "/catalog/..;/admin/users")).isFalse();
		assertThat(upstream().hasReceived("GET", "/admin/users")).isFalse();
	}

	@Test
	void disabledScopeLeavesTheUpstreamsOwnHeaders() {
		assertThat(result("disabled-scope")).isEqualTo("ok 200 GET /legacy/items");
	}

	@Test
	void browserSendsAndReadsMcpSessionIdOfTheMcpPreset() {
		assertThat(result("mcp-session")).matches("ok 200 POST /mcp session=session-\\d+ trace=null");
	}

	@Test
	void browserReadsTheChallengeOfAnMcpUnauthorizedResponse() {
		assertThat(result("mcp-unauthorized")).isEqualTo("ok 401 POST /mcp challenge=Bearer realm=\"sample\"");
	}

	@Test
	void browserShowsResourceTimingDetailsOnlyWithTimingAllowOrigin() {
		assertThat(result("timing-allowed"))
			.isEqualTo("ok 200 transferSize=set encodedBodySize=set requestStart=set responseStart=set"
					+ " nextHopProtocol=http/1.1");
		assertThat(result("timing-not-allowed"))
			.isEqualTo("ok 200 transferSize=0 encodedBodySize=0 requestStart=0 responseStart=0 nextHopProtocol=");
	}

	@Test
	void browserReadsExposedHeaderOnly() {
		assertThat(dom()).contains("exposed-header: ok 200 total=42 trace=null");
	}

	@Test
	void browserReadsCredentialedEventStreamOpenedBeforeTheFirstEvent() {
		// "open" is EventSource's signal that the response head, CORS headers included,
		// was accepted; it comes before the first event's id.
		assertThat(dom()).contains("sse-credentialed: ok 3 events: open 1 2 3");
	}

	@Test
	void browserFailsEventStreamForOriginOutsideThePolicy() {
		// Failed without reconnecting, before any event and before "open".
		assertThat(dom()).contains("sse-disallowed-origin: error Error readyState=CLOSED after []");
		// Refused by the gateway, not by the browser for the upstream's '*' on a
		// credentialed request: the upstream never opened the stream.
		assertThat(upstream().hasReceived("GET", "/events/refunds/1")).isFalse();
	}

	/**
	 * Return what the page recorded for a check, without its name: {@code ok ...} or
	 * {@code error ...}.
	 */
	private String result(String name) {
		Matcher matcher = Pattern
			.compile("<li id=\"" + Pattern.quote(name) + "\">" + Pattern.quote(name) + ": ([^<]*)</li>")
			.matcher(dom());
		assertThat(matcher.find()).as("result of %s in the DOM dumped by Chromium:%n%s", name, dom()).isTrue();
		return HtmlUtils.htmlUnescape(matcher.group(1));
	}

}
