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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's headless Chromium, run once per page by the browser tests: nothing is
 * downloaded at run time, and the tests skip, saying why, where it is not installed.
 *
 * @author cors-gateway authors
 */
final class HeadlessChromium {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final long TIMEOUT_SECONDS = 60;

	private static final List<String> OPTIONS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
			"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");

	private HeadlessChromium() {
	}

	static boolean isInstalled() {
		return Files.isExecutable(CHROMIUM);
	}

	/**
	 * Skip the calling test, with the reason, when Chromium is not installed. Called per
	 * test, not once per class, so that each test is reported as skipped.
	 */
	static void assumeInstalled() {
		assumeTrue(isInstalled(), "Chromium not found at " + CHROMIUM
				+ ": install it (apt-get install chromium) to run the browser tests");
	}

	/**
	 * Load a page and return its DOM once loaded.
	 * @param profile a directory for the browser's profile, deleted afterwards
	 * @param url the page
	 * @param virtualTimeMillis with a positive value, the page runs in virtual time that
	 * ends after so many milliseconds without pending network or timers (fetch checks
	 * finish; WebSockets are not waited for); otherwise the DOM is taken when the page's
	 * load event has fired
	 * @return the serialized DOM
	 */
	static String dumpDom(Path profile, String url, long virtualTimeMillis)
			throws IOException, InterruptedException, ExecutionException {
		return run(profile, virtualTimeMillis, List.of("--dump-dom", url));
	}

	/**
	 * Run Chromium once with the given arguments after the common options.
	 * @param profile a directory for the browser's profile, deleted afterwards
	 * @param virtualTimeMillis the virtual time budget, as for
	 * {@link #dumpDom(Path, String, long)}, or 0 for none
	 * @param arguments further arguments, such as {@code --screenshot=<file>} and the URL
	 * @return what Chromium wrote to its standard output
	 */
	static String run(Path profile, long virtualTimeMillis, List<String> arguments)
			throws IOException, InterruptedException, ExecutionException {
		Path userDataDir = Files.createTempDirectory(profile, "chromium-profile");
		List<String> command = new ArrayList<>();
		command.add(CHROMIUM.toString());
		command.addAll(OPTIONS);
		command.add("--user-data-dir=" + userDataDir);
		if (virtualTimeMillis > 0) {
			command.add("--virtual-time-budget=" + virtualTimeMillis);
		}
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try {
			// Read stdout while waiting so that a large DOM cannot fill the pipe and
			// block.
			CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
			boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			assertThat(exited).as("Chromium exited within %d seconds", TIMEOUT_SECONDS).isTrue();
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
