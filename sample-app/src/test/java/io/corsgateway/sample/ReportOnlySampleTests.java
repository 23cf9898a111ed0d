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

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's report-only {@code partners} service in front of an upstream that does its
 * own CORS: the answers of the gateway and the upstream reach the client unchanged, and
 * the decision the filter would have enforced is counted in {@code cors.requests} with
 * {@code enforced=false}, which the metrics endpoint on the management port shows.
 *
 * @author cors-gateway authors
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.upstream.port=0", "management.server.port=0" })
class ReportOnlySampleTests {

	private static final String EVIL = "https://evil.example";

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	@Autowired
	private UpstreamServer upstream;

	private WebTestClient gateway;

	private WebTestClient management;

	@BeforeEach
	void createClients() {
		this.gateway = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		this.management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + this.managementPort).build();
	}

	@Test
	void preflightThatThePolicyWouldRejectGetsTheGatewaysOwnAnswer() {
		// Spring Cloud Gateway's handler mapping answers every preflight itself (Spring's
		// AbstractHandlerMapping), without CORS headers when the gateway has no CORS
		// configuration of its own: the filter leaves that answer alone instead of
		// rejecting with 403, and the upstream is not called.
		long upstreamRequests = this.upstream.getRequestCount();
		this.gateway.options()
			.uri("/partners/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PUT")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
			.expectHeader()
			.doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);
		assertThat(this.upstream.getRequestCount()).isEqualTo(upstreamRequests);
	}

	@Test
	void actualRequestThatThePolicyWouldRejectReachesTheUpstreamAndKeepsItsHeaders() {
		this.gateway.get()
			.uri("/partners/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.expectHeader()
			.valueEquals(HttpHeaders.VARY, "Accept-Encoding")
			.expectBody()
			.jsonPath("$.path")
			.isEqualTo("/partners/1");
	}

	@Test
	void actualRequestThatThePolicyWouldRejectIsCountedAsNotEnforced() {
		double before = count("service:partners", "kind:ACTUAL_REJECTED", "enforced:false");
		this.gateway.get()
			.uri("/partners/1")
			.header(HttpHeaders.ORIGIN, EVIL)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
		assertThat(count("service:partners", "kind:ACTUAL_REJECTED", "enforced:false")).isEqualTo(before + 1);
	}

	@Test
	void enforcedRejectionsAreCountedWithTheirReason() {
		double before = count("service:orders", "reason:ORIGIN_NOT_ALLOWED", "enforced:true");
		this.gateway.get().uri("/orders/1").header(HttpHeaders.ORIGIN, EVIL).exchange().expectStatus().isForbidden();
		assertThat(count("service:orders", "reason:ORIGIN_NOT_ALLOWED", "enforced:true")).isEqualTo(before + 1);
	}

	// The metrics endpoint answers 404 for a tag combination never counted.
	private double count(String... tags) {
		StringBuilder uri = new StringBuilder("/actuator/metrics/cors.requests?");
		for (String tag : tags) {
			uri.append("tag=").append(tag).append('&');
		}
		EntityExchangeResult<MetricResponse> result = this.management.get()
			.uri(uri.toString())
			.exchange()
			.expectBody(MetricResponse.class)
			.returnResult();
		if (result.getStatus().value() == 404) {
			return 0;
		}
		assertThat(result.getStatus().value()).isEqualTo(200);
		MetricResponse body = result.getResponseBody();
		assertThat(body).isNotNull();
		return body.measurements()
			.stream()
			.filter((m) -> m.statistic().equals("COUNT"))
			.findFirst()
			.orElseThrow()
			.value();
	}

	record MetricResponse(String name, List<Measurement> measurements) {

	}

	record Measurement(String statistic, double value) {

	}

}
