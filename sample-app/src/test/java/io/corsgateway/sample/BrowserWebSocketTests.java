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

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

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
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final long BROWSER_TIMEOUT_SECONDS = 60;

	@LocalServerPort
	private int port;

	@Autowired
	private UpstreamServer upstream;

	private String dom = "";

	@BeforeAll
	void loadTestPageInChromium(@TempDir Path profile) throws Exception {
		if (!isChromiumInstalled()) {
			return;
		}
		// The page comes from 127.0.0.1:<upstream port> and opens WebSockets on
		// localhost:<port>, another origin.
		String gateway = "http://localhost:" + this.port;
		String page = "http://127.0.0.1:" + this.upstream.getPort() + UpstreamServer.WEBSOCKET_TEST_PAGE + "?gateway="
				+ gateway;
		this.dom = runChromium(profile, page);
	}

	@BeforeEach
	void requireChromium() {
		// Checked per test, not in @BeforeAll, so that each test is reported as skipped.
		assumeTrue(isChromiumInstalled(), "Chromium not found at " + CHROMIUM
				+ ": install it (apt-get install chromium) to run the browser tests");
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

	private static boolean isChromiumInstalled() {
		return Files.isExecutable(CHROMIUM);
	}

	private static String runChromium(Path profile, String url)
			throws IOException, InterruptedException, ExecutionException {
		Path userDataDir = Files.createDirectory(profile.resolve("chromium-profile"));
		// No --virtual-time-budget: the DOM is dumped once the page has loaded.
		List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--user-data-dir=" + userDataDir, "--dump-dom", url);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try {
			// Read stdout while waiting so that a large DOM cannot fill the pipe and
			// block.
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			boolean exited = process.waitFor(BROWSER_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			assertThat(exited).as("Chromium exited within %d seconds", BROWSER_TIMEOUT_SECONDS).isTrue();
			assertThat(process.exitValue()).as("Chromium exit code").isZero();
			return output.get();
		}
		finally {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
			FileSystemUtils.deleteRecursively(userDataDir);
		}
	}

	private static String read(InputStream input) {
		try (input) {
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Unable to read Chromium's output", ex);
		}
	}

}
