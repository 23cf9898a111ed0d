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

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

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
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.upstream.port=0")
@TestInstance(Lifecycle.PER_CLASS)
class BrowserWebSocketTests {

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private String dom = "";

	@BeforeAll
	void loadTestPageInChromium(@TempDir Path profile) throws Exception {
		if (!HeadlessChromium.isInstalled()) {
			return;
		}
		// The page comes from 127.0.0.1:<upstream port> and opens WebSockets on
		// localhost:<port>, another origin.
		String gateway = "http://localhost:" + this.port;
		String page = "http://127.0.0.1:" + this.upstream.getPort() + UpstreamServer.WEBSOCKET_TEST_PAGE + "?gateway="
				+ gateway;
		this.dom = HeadlessChromium.dumpDom(profile, page, 0);
	}

	@BeforeEach
	void requireChromium() {
		// Checked per test, not in @BeforeAll, so that each test is reported as skipped.
		HeadlessChromium.assumeInstalled();
	}

	@Test
	void browserRunsEveryCheckOfTheTestPage() {
		assertThat(this.dom).as("DOM dumped by Chromium").contains("data-done=\"true\"");
	}

	@Test
	void browserOpensWebSocketFromAnAllowedOriginAndReceivesMessages() {
		assertThat(this.dom).contains("websocket-allowed: ok " + UpstreamServer.GREETING_PREFIX + "/ws/browser | "
				+ UpstreamServer.ECHO_PREFIX + "from-browser");
	}

	@Test
	void browserFailsToOpenWebSocketFromAnOriginTheRouteDoesNotAllow() {
		assertThat(this.dom).contains("websocket-disallowed: error Error onerror close 1006");
	}

}
