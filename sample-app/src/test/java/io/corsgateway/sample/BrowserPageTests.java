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
 * Base of the tests that load one page of the upstream in headless Chromium against the
 * sample gateway and read what the page recorded from its DOM. The page comes from
 * {@code 127.0.0.1:<upstream port>} and calls the gateway on {@code localhost:<port>},
 * another origin, so every call is cross-origin. One page load runs every check.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.upstream.port=0")
@TestInstance(Lifecycle.PER_CLASS)
abstract class BrowserPageTests {

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private String dom = "";

	/**
	 * The page's path on the upstream.
	 * @return the path, such as {@link UpstreamServer#BROWSER_TEST_PAGE}
	 */
	abstract String pagePath();

	/**
	 * The virtual time budget Chromium runs the page with.
	 * @return milliseconds, or 0 to take the DOM when the page has loaded
	 * @see HeadlessChromium#dumpDom(Path, String, long)
	 */
	abstract long virtualTimeMillis();

	@BeforeAll
	void loadThePageInChromium(@TempDir Path profile) throws Exception {
		if (!HeadlessChromium.isInstalled()) {
			return;
		}
		String page = "http://127.0.0.1:" + this.upstream.getPort() + pagePath() + "?gateway=http://localhost:"
				+ this.port;
		this.dom = HeadlessChromium.dumpDom(profile, page, virtualTimeMillis());
	}

	@BeforeEach
	void requireChromium() {
		// Checked per test, not in @BeforeAll, so that each test is reported as skipped.
		HeadlessChromium.assumeInstalled();
	}

	@Test
	void browserRunsEveryCheckOfThePage() {
		assertThat(this.dom).as("DOM dumped by Chromium").contains("data-done=\"true\"");
	}

	/**
	 * The DOM Chromium dumped once the page's checks were done.
	 * @return the serialized DOM
	 */
	String dom() {
		return this.dom;
	}

	UpstreamServer upstream() {
		return this.upstream;
	}

}
