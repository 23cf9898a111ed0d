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
import java.util.Locale;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules of {@link CorsGatewayWebFilter#isSameOrigin}: an {@code Origin} is the request's
 * own origin exactly when it is the serialization of the request URI's scheme, host and
 * port (Fetch, "serialization of an origin"): lower case, the scheme's default port left
 * out, any other port written in decimal without leading zeros, nothing after the port.
 *
 * @author cors-gateway authors
 */
class SameOriginTests {

	@Test
	void originWithTheRequestsSchemeHostAndPortIsTheSameOrigin() {
		assertThat(sameOrigin("https://api.example.com:8443", "https://api.example.com:8443/orders")).isTrue();
	}

	@Test
	void httpsDefaultPortIsLeftOutOfTheOrigin() {
		assertThat(sameOrigin("https://api.example.com", "https://api.example.com:443/orders")).isTrue();
	}

	@Test
	void httpDefaultPortIsLeftOutOfTheOrigin() {
		assertThat(sameOrigin("http://api.example.com", "http://api.example.com:80/orders")).isTrue();
	}

	@Test
	void webSocketSchemesHaveTheHttpDefaultPorts() {
		assertThat(sameOrigin("ws://api.example.com", "ws://api.example.com:80/feed")).isTrue();
		assertThat(sameOrigin("wss://api.example.com", "wss://api.example.com:443/feed")).isTrue();
	}

	@Test
	void defaultPortWrittenOutInTheOriginIsNotTheSerializedOrigin() {
		assertThat(sameOrigin("https://api.example.com:443", "https://api.example.com/orders")).isFalse();
		assertThat(sameOrigin("http://api.example.com:80", "http://api.example.com/orders")).isFalse();
	}

	@Test
	void defaultPortOfOneSchemeIsAnOrdinaryPortOfTheOther() {
		assertThat(sameOrigin("http://api.example.com", "http://api.example.com:443/orders")).isFalse();
		assertThat(sameOrigin("http://api.example.com:443", "http://api.example.com:443/orders")).isTrue();
		assertThat(sameOrigin("https://api.example.com:80", "https://api.example.com:80/orders")).isTrue();
	}

	@Test
	void schemeWithoutKnownDefaultPortKeepsEveryPort() {
		assertThat(sameOrigin("ftp://files.example.com", "ftp://files.example.com:21/x")).isFalse();
		assertThat(sameOrigin("ftp://files.example.com:21", "ftp://files.example.com:21/x")).isTrue();
		assertThat(sameOrigin("ftp://files.example.com", "ftp://files.example.com/x")).isTrue();
	}

	@Test
	void originWithoutThePortOfTheRequestIsAnotherOrigin() {
		assertThat(sameOrigin("https://api.example.com", "https://api.example.com:8443/orders")).isFalse();
	}

	@Test
	void originWithAPortTheRequestLacksIsAnotherOrigin() {
		assertThat(sameOrigin("https://api.example.com:8443", "https://api.example.com/orders")).isFalse();
	}

	@Test
	void portsCompareByValue() {
		assertThat(sameOrigin("http://localhost:8081", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost:808", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost:80800", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost:1", "http://localhost:1/")).isTrue();
		assertThat(sameOrigin("http://localhost:65535", "http://localhost:65535/")).isTrue();
		assertThat(sameOrigin("http://localhost:9999", "http://localhost:9999/")).isTrue();
	}

	@Test
	void portOutsideTheTcpRangeIsNeverTheRequestsOwnOrigin() {
		// java.net.URI takes any digits as a port, but no serialized origin has such a
		// port: the Origin is malformed, and is judged as a cross-origin request.
		assertThat(sameOrigin("http://localhost:70000", "http://localhost:70000/")).isFalse();
		assertThat(sameOrigin("http://localhost:65536", "http://localhost:65536/")).isFalse();
	}

	@Test
	void portWithALeadingZeroIsNotASerializedPort() {
		assertThat(sameOrigin("http://localhost:08080", "http://localhost:8080/")).isFalse();
	}

	@Test
	void portWhoseDigitsOverflowToTheRequestsPortIsAnotherOrigin() {
		// 4294975376 is 2^32 + 8080.
		assertThat(sameOrigin("http://localhost:4294975376", "http://localhost:8080/")).isFalse();
	}

	@Test
	void emptyPortIsNotTheRequestsPort() {
		assertThat(sameOrigin("http://localhost:", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost:", "http://localhost/")).isFalse();
		assertThat(sameOrigin("http://localhost:", "http://localhost:0/")).isFalse();
	}

	@Test
	void anythingAfterTheHostOtherThanAPortIsAnotherOrigin() {
		assertThat(sameOrigin("https://api.example.com/", "https://api.example.com/")).isFalse();
		assertThat(sameOrigin("https://api.example.com.", "https://api.example.com/")).isFalse();
		assertThat(sameOrigin("http://localhost:8080/", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost:8080x", "http://localhost:8080/")).isFalse();
		assertThat(sameOrigin("http://localhost;8080", "http://localhost:8080/")).isFalse();
	}

	@Test
	void hostsCompareWhole() {
		assertThat(sameOrigin("https://api.example", "https://api.example.com/")).isFalse();
		assertThat(sameOrigin("https://api.example.com.evil", "https://api.example.com/")).isFalse();
		assertThat(sameOrigin("https://xapi.example.com", "https://api.example.com/")).isFalse();
	}

	@Test
	void schemesCompareWhole() {
		assertThat(sameOrigin("http://api.example.com", "https://api.example.com/")).isFalse();
		assertThat(sameOrigin("https://api.example.com", "http://api.example.com/")).isFalse();
		assertThat(sameOrigin("https:/api.example.com", "https://api.example.com/")).isFalse();
	}

	@Test
	void upperCaseInTheRequestUriIsFoldedButNotInTheOrigin() {
		assertThat(sameOrigin("https://api.example.com", "HTTPS://API.Example.COM/orders")).isTrue();
		assertThat(sameOrigin("https://zoo.example", "https://ZOO.example/")).isTrue();
		assertThat(sameOrigin("https://API.example.com", "https://API.example.com/orders")).isFalse();
		assertThat(sameOrigin("HTTPS://api.example.com", "https://api.example.com/orders")).isFalse();
	}

	@Test
	void ipAddressHostsCompareLikeNames() {
		assertThat(sameOrigin("http://127.0.0.1:8080", "http://127.0.0.1:8080/")).isTrue();
		assertThat(sameOrigin("http://[::1]:8080", "http://[::1]:8080/")).isTrue();
		assertThat(sameOrigin("http://[::2]:8080", "http://[::1]:8080/")).isFalse();
	}

	@Test
	void requestUriWithoutSchemeOrHostHasNoOrigin() {
		assertThat(TestRequests.isSameOrigin("http://localhost", URI.create("/orders"))).isFalse();
		assertThat(TestRequests.isSameOrigin("mailto:a@example.com", URI.create("mailto:a@example.com"))).isFalse();
	}

	@Property(tries = 3000)
	void agreesWithTheSerializationOfTheRequestUrisOrigin(@ForAll("requestUris") URI uri,
			@ForAll("origins") String origin) {
		assertThat(TestRequests.isSameOrigin(origin, uri)).as("%s from %s", uri, origin)
			.isEqualTo(origin.equals(serializedOrigin(uri)));
	}

	@Property(tries = 3000)
	void agreesWithTheSerializationOnEditedOrigins(@ForAll("requestUris") URI uri, @ForAll Edit edit) {
		String origin = edit.apply(serializedOrigin(uri), uri);
		assertThat(TestRequests.isSameOrigin(origin, uri)).as("%s from %s", uri, origin)
			.isEqualTo(origin.equals(serializedOrigin(uri)));
	}

	private static boolean sameOrigin(String origin, String uri) {
		return TestRequests.isSameOrigin(origin, URI.create(uri));
	}

	// The reference: Fetch's serialization of the URI's origin, built from what
	// java.net.URI parsed.
	private static String serializedOrigin(URI uri) {
		String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
		int defaultPort = switch (scheme) {
			case "http", "ws" -> 80;
			case "https", "wss" -> 443;
			default -> -1;
		};
		int port = uri.getPort();
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		return scheme + "://" + host + ((port == -1 || port == defaultPort) ? "" : ":" + port);
	}

	@Provide
	Arbitrary<URI> requestUris() {
		return Combinators.combine(Arbitraries.of("http", "https", "ws", "wss", "ftp", "HTTP", "Https"), hosts(),
				Arbitraries.of(-1, 80, 443, 8080, 8443, 1, 21, 9090, 65535), Arbitraries.of("/", "/orders", "/a?b=c"))
			.as((scheme, host, port, path) -> URI
				.create(scheme + "://" + host + ((port == -1) ? "" : ":" + port) + path));
	}

	@Provide
	Arbitrary<String> origins() {
		Arbitrary<String> built = Combinators
			.combine(Arbitraries.of("http", "https", "ws", "wss", "ftp", "HTTPS", "htt", "httpss"),
					Arbitraries.of("://", ":/", "//"), hosts(),
					Arbitraries.of("", ":80", ":443", ":8080", ":8443", ":1", ":21", ":65535", ":", ":08080", ":0443",
							":080800", ":4294975376", ":8080x", ":-1", ":+80"),
					Arbitraries.of("", "", "", "/", "/orders", "."))
			.as((scheme, separator, host, port, rest) -> scheme + separator + host + port + rest);
		Arbitrary<String> serialized = requestUris().map(SameOriginTests::serializedOrigin);
		return Arbitraries.oneOf(built, serialized);
	}

	private static Arbitrary<String> hosts() {
		return Arbitraries.of("api.example.com", "API.example.com", "api.example", "api.example.com.evil", "localhost",
				"127.0.0.1", "[::1]", "a");
	}

	/**
	 * Ways a client could get the request's origin almost right.
	 */
	enum Edit {

		NONE, UPPER_CASE_SCHEME, UPPER_CASE_HOST, EXPLICIT_PORT, LEADING_ZERO_PORT, OVERFLOWING_PORT, OTHER_PORT,
		EMPTY_PORT, NO_PORT, TRAILING_SLASH, TRAILING_DOT, TRAILING_LETTER, LAST_CHARACTER_DROPPED, SINGLE_SLASH;

		String apply(String origin, URI uri) {
			String schemeAndHost = uri.getScheme().toLowerCase(Locale.ROOT) + "://"
					+ uri.getHost().toLowerCase(Locale.ROOT);
			int port = (uri.getPort() != -1) ? uri.getPort() : 80;
			return switch (this) {
				case NONE -> origin;
				case UPPER_CASE_SCHEME ->
					uri.getScheme().toUpperCase(Locale.ROOT) + origin.substring(uri.getScheme().length());
				case UPPER_CASE_HOST -> upperCaseHost(origin, uri.getHost().length());
				case EXPLICIT_PORT -> schemeAndHost + ":" + port;
				case LEADING_ZERO_PORT -> schemeAndHost + ":0" + port;
				case OVERFLOWING_PORT -> schemeAndHost + ":" + (port + (1L << 32));
				case OTHER_PORT -> schemeAndHost + ":" + (port + 1);
				case EMPTY_PORT -> schemeAndHost + ":";
				case NO_PORT -> schemeAndHost;
				case TRAILING_SLASH -> origin + "/";
				case TRAILING_DOT -> origin + ".";
				case TRAILING_LETTER -> origin + "a";
				case LAST_CHARACTER_DROPPED -> origin.substring(0, origin.length() - 1);
				case SINGLE_SLASH -> origin.replaceFirst("://", ":/");
			};
		}

		private static String upperCaseHost(String origin, int hostLength) {
			int hostStart = origin.indexOf("://") + 3;
			int hostEnd = hostStart + hostLength;
			return origin.substring(0, hostStart) + origin.substring(hostStart, hostEnd).toUpperCase(Locale.ROOT)
					+ origin.substring(hostEnd);
		}

	}

}
