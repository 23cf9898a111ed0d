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

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * Tests of the CORS playground in a real browser (headless Chromium): the page, served by
 * the upstream on another origin than the gateway, calls the gateway and asks the
 * {@code cors} endpoint's {@code check} operation through the upstream; the test reads
 * the outcome from the page's DOM.
 * <p>
 * {@link #screenshotOfThePlayground} also writes the screenshot shown in the README when
 * the {@value #SCREENSHOT_PROPERTY} system property (or the {@value #SCREENSHOT_VARIABLE}
 * environment variable) names a file, relative to the repository's root:
 * {@code ./mvnw -pl sample-app -am verify -Dtest=PlaygroundBrowserTests -Dsurefire.failIfNoSpecifiedTests=false -Dplayground.screenshot=docs/images/playground.png}.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.upstream.port=0", "management.server.port=0" })
@TestInstance(Lifecycle.PER_CLASS)
class PlaygroundBrowserTests {

	static final String SCREENSHOT_PROPERTY = "playground.screenshot";

	static final String SCREENSHOT_VARIABLE = "PLAYGROUND_SCREENSHOT";

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private Path temp = Path.of("");

	private String dom = "";

	private long upstreamRequests;

	private String askDom = "";

	@BeforeAll
	void loadThePlaygroundInChromium(@TempDir Path temp) throws Exception {
		this.temp = temp;
		if (!HeadlessChromium.isInstalled()) {
			return;
		}
		long before = this.upstream.getRequestCount();
		this.dom = HeadlessChromium.run(this.temp, 10000, List.of("--dump-dom", pageUrl("")));
		this.upstreamRequests = this.upstream.getRequestCount() - before;
		this.askDom = HeadlessChromium.run(this.temp, 10000, List.of("--dump-dom",
				pageUrl("&origin=https://shop.example&method=DELETE&path=/orders/1&headers=X-Debug")));
	}

	@BeforeEach
	void requireChromium() {
		// Checked per test, not in @BeforeAll, so that each test is reported as skipped.
		HeadlessChromium.assumeInstalled();
	}

	@Test
	void playgroundRunsEveryCallAndTheFormsCheck() {
		assertThat(this.dom).as("DOM dumped by Chromium").contains("data-done=\"true\"");
	}

	@Test
	void callsFromAnOriginThePolicyNamesAreAllowedWithTheirStatus() {
		assertThat(row("orders")).containsEntry("outcome", "allowed")
			.containsEntry("status", "200")
			.containsEntry("kind", "ACTUAL_ALLOWED")
			.containsEntry("reason", "ORIGIN_ALLOWED");
		assertThat(row("mcp")).containsEntry("outcome", "allowed").containsEntry("kind", "ACTUAL_ALLOWED");
		assertThat(row("catalog")).containsEntry("outcome", "allowed").containsEntry("reason", "ANY_ORIGIN");
		assertThat(row("fail")).containsEntry("outcome", "allowed").containsEntry("status", "500");
	}

	@Test
	void pageShowsTheHeadersItCouldReadOnly() {
		// X-Trace-Id is exposed by the orders policy; X-Total-Count, which the upstream
		// also sends, by the catalog policy only.
		assertThat(rowHtml("orders")).contains("x-trace-id: upstream-").doesNotContain("x-total-count");
		assertThat(rowHtml("catalog")).contains("x-total-count: 42").doesNotContain("x-trace-id");
	}

	@Test
	void blockedCallsShowTheGatewaysReasonFromTheCheckOperation() {
		assertThat(row("admin")).containsEntry("outcome", "blocked")
			.containsEntry("kind", "ACTUAL_REJECTED")
			.containsEntry("reason", "ORIGIN_NOT_ALLOWED")
			.doesNotContainKey("status");
		assertThat(rowHtml("admin")).contains("blocked by the browser").contains("→ 403");
		assertThat(row("account")).containsEntry("outcome", "blocked").containsEntry("reason", "ORIGIN_NOT_ALLOWED");
		assertThat(row("refunds")).containsEntry("outcome", "blocked")
			.containsEntry("kind", "PREFLIGHT_REJECTED")
			.containsEntry("reason", "ORIGIN_NOT_ALLOWED");
		assertThat(rowHtml("refunds")).contains("[orders/refunds]");
		assertThat(row("method")).containsEntry("outcome", "blocked").containsEntry("reason", "METHOD_NOT_ALLOWED");
		assertThat(row("header")).containsEntry("outcome", "blocked").containsEntry("reason", "HEADER_NOT_ALLOWED");
	}

	@Test
	void reportOnlyCallIsAllowedAndShowsWhatEnforcingWouldDo() {
		assertThat(row("partners")).containsEntry("outcome", "allowed").containsEntry("reason", "ORIGIN_NOT_ALLOWED");
		assertThat(rowHtml("partners")).contains("report-only: not enforced");
	}

	@Test
	void blockedCallsAndTheChecksNeverReachTheUpstream() {
		// orders, catalog, mcp, devices, fail and the report-only partners: every allowed
		// call once. Rejected preflights and actual requests stop at the gateway, and the
		// check operation sends nothing to the gateway.
		assertThat(this.upstreamRequests).isEqualTo(6);
	}

	@Test
	void formAsksTheCheckOperationAboutAnyOrigin() {
		// PUT with Content-Type and X-Request-Id from https://shop.example, which the
		// page
		// cannot send from its own origin: the preflight's answer, then the request's.
		assertThat(answer(this.dom)).containsEntry("verdict", "pass").containsEntry("kind", "ACTUAL_ALLOWED");
		assertThat(answerHtml(this.dom)).contains("PREFLIGHT_ALLOWED")
			.contains("<td>Access-Control-Allow-Origin</td><td><code>https://shop.example</code>")
			.contains("<td>Access-Control-Allow-Headers</td><td><code>content-type,x-request-id</code>");
	}

	@Test
	void formNamesTheRefusedHeader() {
		assertThat(answer(this.askDom)).containsEntry("verdict", "blocked")
			.containsEntry("kind", "PREFLIGHT_REJECTED")
			.containsEntry("reason", "HEADER_NOT_ALLOWED")
			.containsEntry("detail", "x-debug");
	}

	@Test
	void screenshotOfThePlayground() throws Exception {
		Path screenshot = screenshotFile();
		Files.deleteIfExists(screenshot);
		HeadlessChromium.run(this.temp, 10000,
				List.of("--screenshot=" + screenshot, "--window-size=1280,1600", "--hide-scrollbars", pageUrl("")));
		assertThat(screenshot).exists();
		byte[] signature = new byte[PNG_SIGNATURE.length];
		try (InputStream input = Files.newInputStream(screenshot)) {
			assertThat(input.readNBytes(signature, 0, signature.length)).isEqualTo(signature.length);
		}
		assertThat(signature).as("PNG signature").isEqualTo(PNG_SIGNATURE);
	}

	private Path screenshotFile() {
		String requested = System.getProperty(SCREENSHOT_PROPERTY, System.getenv(SCREENSHOT_VARIABLE));
		if (requested == null || requested.isBlank()) {
			// Normal runs leave the committed screenshot alone.
			return this.temp.resolve("playground.png");
		}
		Path path = Path.of(requested);
		return path.isAbsolute() ? path : repositoryRoot().resolve(path);
	}

	private static Path repositoryRoot() {
		// Maven runs the tests in sample-app; the screenshot's path is given from the
		// root.
		Path directory = Path.of("").toAbsolutePath();
		while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
			directory = directory.getParent();
		}
		assertThat(directory).as("repository root (the directory holding mvnw)").isNotNull();
		return directory;
	}

	private String pageUrl(String query) {
		return this.upstream.getUri() + PlaygroundHandler.PAGE + "?gateway=http://localhost:" + this.port + query;
	}

	private Map<String, String> row(String id) {
		return dataAttributes(startTag(this.dom, "<tr id=\"call-" + id + "\""));
	}

	private String rowHtml(String id) {
		int start = this.dom.indexOf("<tr id=\"call-" + id + "\"");
		assertThat(start).as("row of call %s", id).isNotNegative();
		return this.dom.substring(start, this.dom.indexOf("</tr>", start));
	}

	private static Map<String, String> answer(String dom) {
		return dataAttributes(startTag(dom, "<div id=\"answer\""));
	}

	private static String answerHtml(String dom) {
		int start = dom.indexOf("<div id=\"answer\"");
		assertThat(start).as("answer of the form").isNotNegative();
		return dom.substring(start, dom.indexOf("</script>", start));
	}

	private static String startTag(String dom, String prefix) {
		int start = dom.indexOf(prefix);
		assertThat(start).as("%s in the DOM", prefix).isNotNegative();
		return dom.substring(start, dom.indexOf('>', start) + 1);
	}

	private static Map<String, String> dataAttributes(String tag) {
		Map<String, String> attributes = new LinkedHashMap<>();
		Matcher matcher = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"").matcher(tag);
		while (matcher.find()) {
			attributes.put(matcher.group(1), matcher.group(2));
		}
		return attributes;
	}

}
