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
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of the CORS playground's check proxy in the sample, without a browser: it answers
 * as the management port's {@code check} operation, on the upstream's loopback port only.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.upstream.port=0", "management.server.port=0" })
class PlaygroundSampleTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	// What the playground page asks for the admin call it makes from its own origin.
	private static final String CHECK_QUERY = "?path=/admin/users&origin=http://127.0.0.1:9090&host=localhost:8080&scheme=http";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private UpstreamServer upstream;

	@Test
	void checkProxyAnswersAsTheManagementPortsCheckOperation() {
		Map<String, Object> proxied = client(this.upstream.getUri()).get()
			.uri(PlaygroundHandler.CHECK_PATH + CHECK_QUERY)
			.header(HttpHeaders.ORIGIN, "https://evil.example")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		Map<String, Object> direct = client("http://127.0.0.1:" + this.managementPort).get()
			.uri("/actuator/cors/check" + CHECK_QUERY)
			.exchange()
			.expectBody(JSON)
			.returnResult()
			.getResponseBody();
		assertThat(proxied).isEqualTo(direct)
			.containsEntry("kind", "ACTUAL_REJECTED")
			.containsEntry("reason", "ORIGIN_NOT_ALLOWED")
			.containsEntry("service", "admin")
			.containsEntry("status", 403);
	}

	@Test
	void playgroundIsNotReachableThroughTheGateway() {
		// The gateway listens on every interface; the playground must not be routed
		// there.
		long before = this.upstream.getRequestCount();
		WebTestClient gateway = client("http://localhost:" + this.port);
		gateway.get().uri(PlaygroundHandler.CHECK_PATH + CHECK_QUERY).exchange().expectStatus().isNotFound();
		gateway.get().uri(PlaygroundHandler.PAGE).exchange().expectStatus().isNotFound();
		assertThat(this.upstream.getRequestCount()).isEqualTo(before);
	}

	@Test
	void playgroundAndManagementPortsListenOnLoopbackOnly() throws SocketException {
		InetAddress external = NetworkInterface.networkInterfaces()
			.filter((network) -> !isLoopback(network))
			.flatMap(NetworkInterface::inetAddresses)
			.filter((address) -> !address.isLoopbackAddress() && !address.isLinkLocalAddress())
			.findFirst()
			.orElse(null);
		assumeTrue(external != null, "No network address other than loopback to connect from");
		assertThat(this.upstream.getUri()).startsWith("http://127.0.0.1:");
		for (int port : new int[] { this.upstream.getPort(), this.managementPort }) {
			assertThatExceptionOfType(IOException.class).as("connection to %s:%d", external.getHostAddress(), port)
				.isThrownBy(() -> {
					try (Socket socket = new Socket()) {
						socket.connect(new InetSocketAddress(external, port), 2000);
					}
				});
		}
	}

	private static boolean isLoopback(NetworkInterface network) {
		try {
			return network.isLoopback() || !network.isUp();
		}
		catch (SocketException ex) {
			return true;
		}
	}

	private static WebTestClient client(String baseUrl) {
		return WebTestClient.bindToServer().baseUrl(baseUrl).build();
	}

}
