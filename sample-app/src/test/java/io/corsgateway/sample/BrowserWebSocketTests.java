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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a real browser (headless Chromium) opens a WebSocket through the sample
 * gateway from an origin its {@code live} service allows, and fails to from one a route
 * does not allow. The page is served by the upstream, on another origin than the gateway;
 * the test reads the outcome from the page's DOM.
 * <p>
 * Apart from {@link BrowserCorsTests} because Chromium is run here without virtual time:
 * virtual time, which that page's fetch checks rely on, does not wait for WebSockets, and
 * holds them up while a fetch is pending. This page keeps itself loading instead until
 * its checks are done.
 *
 * @author cors-gateway authors
 */
class BrowserWebSocketTests extends BrowserPageTests {

	@Override
	String pagePath() {
		return UpstreamServer.WEBSOCKET_TEST_PAGE;
	}

	@Override
	long virtualTimeMillis() {
		return 0;
	}

	@Test
	void browserOpensWebSocketFromAnAllowedOriginAndReceivesMessages() {
		assertThat(dom()).contains("websocket-allowed: ok " + UpstreamServer.GREETING_PREFIX + "/ws/browser | "
				+ UpstreamServer.ECHO_PREFIX + "from-browser");
	}

	@Test
	void browserFailsToOpenWebSocketFromAnOriginTheRouteDoesNotAllow() {
		assertThat(dom()).contains("websocket-disallowed: error Error onerror close 1006");
	}

}
