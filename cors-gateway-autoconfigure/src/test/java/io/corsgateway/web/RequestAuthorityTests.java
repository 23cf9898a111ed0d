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

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules for reading the request's authority: the host that routing sees when
 * {@link URI#getHost()} gives up on a malformed server name, and the port that
 * same-origin detection elides.
 *
 * @author cors-gateway authors
 */
class RequestAuthorityTests {

	private static String host(String uri) {
		return TestRequests.host(URI.create(uri));
	}

	@Test
	void wellFormedHostIsTheUrisHost() {
		assertThat(host("https://api.example.com:8443/orders")).isEqualTo("api.example.com");
	}

	@Test
	void malformedHostIsReadFromTheRawAuthorityWithoutItsPort() {
		assertThat(host("https://api..example.com:8443/orders")).isEqualTo("api..example.com");
		assertThat(host("https://.api.example.com:8443/orders")).isEqualTo(".api.example.com");
	}

	@Test
	void malformedHostIsReadFromTheRawAuthorityWithoutItsUserInfo() {
		assertThat(host("https://user:secret@api..example.com/orders")).isEqualTo("api..example.com");
		assertThat(host("https://user@api..example.com:8443/orders")).isEqualTo("api..example.com");
	}

	@Test
	void authorityWithOnlyUserInfoNamesNoHost() {
		assertThat(host("https://user@/orders")).isEmpty();
		assertThat(host("https://@/orders")).isEmpty();
	}

	@Test
	void authorityWithOnlyAPortNamesNoHost() {
		assertThat(host("https://:8443/orders")).isEmpty();
		assertThat(host("https://user@:8443/orders")).isEmpty();
	}

	@Test
	void uriWithoutAuthorityNamesNoHost() {
		assertThat(host("/orders")).isEmpty();
	}

	@Test
	void schemeWithoutAKnownDefaultPortKeepsEvenPortZero() {
		assertThat(TestRequests.isSameOrigin("ftp://files.example.com", URI.create("ftp://files.example.com:0/x")))
			.isFalse();
		assertThat(TestRequests.isSameOrigin("ftp://files.example.com:0", URI.create("ftp://files.example.com:0/x")))
			.isFalse();
	}

}
